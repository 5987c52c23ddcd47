/** Each question step's fields, by step. */
import { ContactFields, MunicipalityFields } from "./ContactFields";
import { ConsentFields, SafeFields, WishesFields } from "./SafetyFields";
import type { FieldsProps, StepData } from "./shared";
import {
  ComplaintAboutFields,
  PeriodFields,
  ThemesFields,
  UnitFields,
  WhatFields,
  WhoFields,
} from "./StoryFields";

export const stepFields: Record<StepData["step"], (props: FieldsProps) => JSX.Element> = {
  who: WhoFields,
  unit: UnitFields,
  period: PeriodFields,
  what: WhatFields,
  themes: ThemesFields,
  complaintAbout: ComplaintAboutFields,
  safe: SafeFields,
  wishes: WishesFields,
  consent: ConsentFields,
  contact: ContactFields,
  municipality: MunicipalityFields,
};

-- Custom SQL migration file, put your code below! ---- Referral mails used to be stored with their link (a bearer token to the story). The worker now makes
-- the body at send time, so the stored bodies are not needed: forget the links (secure_delete is on).
UPDATE `outbox` SET `body_text` = '' WHERE `purpose` LIKE 'referral:%';

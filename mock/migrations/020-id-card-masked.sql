-- 1 once the row holds only the masked rendition of an ID card picture (onboarding/id-card-mask.ts). ID card
-- rows stored before (0) still hold the original: masked, and the original dropped, the first time anyone
-- asks for the file.
ALTER TABLE onboarding_documents ADD COLUMN masked INTEGER NOT NULL DEFAULT 0;

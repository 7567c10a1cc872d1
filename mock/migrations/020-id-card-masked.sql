-- 1 once the row holds only the masked rendition of an ID card picture (onboarding/id-card-mask.ts). ID card
-- rows stored before (0) still hold the original: masked in place when the mock starts
-- (OnboardingService.maskStoredIdCards), or, when they cannot be, emptied and sent back to the seeker.
ALTER TABLE onboarding_documents ADD COLUMN masked INTEGER NOT NULL DEFAULT 0;

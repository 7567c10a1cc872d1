-- The HR may refuse a proposed reschedule: the time agreed before it (if any) stands again, and the seeker
-- sees why.
ALTER TABLE interviews ADD COLUMN agreed_before_reschedule INTEGER;
ALTER TABLE interviews ADD COLUMN reschedule_refusal TEXT;

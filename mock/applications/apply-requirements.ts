import { APPLY_REQUIRED_SECTIONS, type SectionKey } from '../../services/contracts/resume';

/** The sections still missing before the seeker may apply ([] = may apply). */
export function missingForApply(resume: {
  basic: object | null;
  phone: string | null;
  phoneVerified: boolean;
}): SectionKey[] {
  return APPLY_REQUIRED_SECTIONS.filter((section) =>
    section === 'basic' ? resume.basic === null : !(resume.phone && resume.phoneVerified),
  );
}

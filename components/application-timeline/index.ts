import { ApplicationTimelineDefaultProps, type ApplicationTimelineProps } from './props';

/** An application's status history: submitted → viewed → interview → offer → hired, or where it stopped. */
Component<Record<string, never>, ApplicationTimelineProps, Record<string, never>>({
  props: ApplicationTimelineDefaultProps,
});

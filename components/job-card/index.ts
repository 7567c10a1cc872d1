import { JobCardDefaultProps, type JobCardProps } from './props';

Component<Record<string, never>, JobCardProps, { handleTap(): void }>({
  props: JobCardDefaultProps,
  methods: {
    handleTap() {
      const { job, onTap } = this.props;
      if (job && onTap) onTap(job.id);
    },
  },
});

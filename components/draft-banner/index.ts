import { DraftBannerDefaultProps, type DraftBannerProps } from './props';

Component<Record<string, never>, DraftBannerProps, { handleDiscard(): void }>({
  props: DraftBannerDefaultProps,
  methods: {
    handleDiscard() {
      const { onDiscard } = this.props;
      if (onDiscard) onDiscard();
    },
  },
});

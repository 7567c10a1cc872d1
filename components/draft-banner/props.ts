/** The notice on a form whose content was restored from an earlier, unsaved visit. */
export interface DraftBannerProps {
  /** Show the notice. */
  visible: boolean;
  text: string;
  actionText: string;
  /** Called when the seeker chooses to throw the restored content away. */
  onDiscard?: () => void;
}

export const DraftBannerDefaultProps: DraftBannerProps = {
  visible: false,
  text: '已恢复上次未保存的内容',
  actionText: '放弃',
};

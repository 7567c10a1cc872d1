/**
 * antd-mini draws its icons with a web font hosted on alipayobjects.com. With no internet (CI, this
 * machine) the font never loads and icons would show as empty boxes, so the simulator then draws the
 * common ones with plain characters: recognizable, and still `.ant-icon-<Name>` elements for tests.
 */
const GLYPHS: Record<string, string> = {
  CloseCircleFill: '⊗',
  CloseOutline: '✕',
  CloseCircleOutline: '⊗',
  LeftOutline: '‹',
  RightOutline: '›',
  UpOutline: '˄',
  DownOutline: '˅',
  DownFill: '▾',
  UpFill: '▴',
  CheckOutline: '✓',
  CheckCircleFill: '✔',
  CheckCircleOutline: '✓',
  QuestionCircleOutline: '?',
  InformationCircleOutline: 'ⓘ',
  InformationCircleFill: 'ⓘ',
  ExclamationCircleFill: '!',
  ExclamationCircleOutline: '!',
  SearchOutline: '⌕',
  AddOutline: '+',
  AddCircleOutline: '⊕',
  MinusOutline: '−',
  UndoOutline: '↺',
  StarFill: '★',
  StarOutline: '☆',
  HeartFill: '♥',
  HeartOutline: '♡',
  MoreOutline: '⋯',
  EditSOutline: '✎',
  EditFill: '✎',
  DeleteOutline: '⌫',
  ClockCircleOutline: '◷',
  LocationOutline: '⌖',
  LocationFill: '⌖',
  EyeOutline: '◉',
  EyeInvisibleOutline: '◌',
  LoopOutline: '↻',
  FilterOutline: '⏷',
  PhoneFill: '☎',
  MessageOutline: '✉',
  MailOutline: '✉',
  UserOutline: '☺',
};

const ICON_FONT = 'antdmini-icon';

export function iconFallbackCss(): string {
  const rules = Object.entries(GLYPHS).map(
    ([name, glyph]) => `.ant-icon-${name}::before { content: '${glyph}' !important; }`,
  );
  return `.ant-icon { font-family: -apple-system, 'Noto Sans CJK SC', 'DejaVu Sans', sans-serif !important; }\n${rules.join('\n')}`;
}

/** After a stylesheet with antd-mini's icon font is added: if the font cannot load, draw the fallback. */
export function watchIconFont(doc: Document, css: string): void {
  if (!css.includes(ICON_FONT) || doc.querySelector('style[data-sim-icon-fallback]')) return;
  const addFallback = () => {
    if (doc.querySelector('style[data-sim-icon-fallback]')) return;
    const style = doc.createElement('style');
    style.dataset.simIconFallback = 'true';
    style.textContent = iconFallbackCss();
    doc.head.appendChild(style);
  };
  doc.fonts.load(`16px ${ICON_FONT}`).then(
    (faces) => {
      if (faces.length === 0) addFallback();
    },
    () => addFallback(),
  );
}

/**
 * Tags an AXML file may use without declaring them in usingComponents.
 *
 * Base components as listed in Alipay's component overview (opendocs.alipay.com/mini/component, grouped
 * as there), with the child tags their pages document (swiper-item, picker-view-column) and the
 * containers documented beside them (page-container, share-element, camera). The "extended components"
 * of that page (List, Tabs…) are npm components and must be declared.
 */
export const BASE_COMPONENTS = [
  // view containers
  'view',
  'swiper',
  'swiper-item',
  'scroll-view',
  'cover-view',
  'cover-image',
  'movable-view',
  'movable-area',
  'page-container',
  'share-element',
  // basic content
  'text',
  'icon',
  'progress',
  'rich-text',
  // forms
  'button',
  'form',
  'label',
  'input',
  'textarea',
  'radio',
  'radio-group',
  'checkbox',
  'checkbox-group',
  'switch',
  'slider',
  'picker-view',
  'picker-view-column',
  'picker',
  // navigation
  'navigator',
  // media
  'image',
  'video',
  'lottie',
  'camera',
  // canvas and map
  'canvas',
  'map',
  // open components
  'web-view',
  'lifestyle',
  'contact-button',
  'error-view',
  // accessibility and page configuration
  'aria-component',
  'page-meta',
];

/** AXML's own tags: structure, templates, references and slots (opendocs mini/framework/axml). */
export const AXML_TAGS = ['block', 'template', 'import', 'include', 'import-sjs', 'slot'];

export const BUILTIN_TAGS = new Set([...BASE_COMPONENTS, ...AXML_TAGS]);

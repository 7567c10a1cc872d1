/** Styles of the simulator: the built-in components inside page documents, and the shell around them. */

/** Built-in components' own look. Zero-specificity (`:where`) so any ACSS class wins, as on the platform. */
export const BUILTIN_CSS = `
html, body { margin: 0; padding: 0; height: 100%; }
body { -webkit-text-size-adjust: 100%; -webkit-tap-highlight-color: transparent; }
html::-webkit-scrollbar, body::-webkit-scrollbar, :where(scroll-view)::-webkit-scrollbar { display: none; }
html { scrollbar-width: none; }
:where(page) { display: block; min-height: 100%; box-sizing: border-box; font-size: 16px; line-height: 1.4;
  font-family: -apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', sans-serif; }
[hidden] { display: none !important; }
:where(view, cover-view, swiper-item, form, label, navigator, picker-view-column, sim-standin) { display: block; }
:where(view, text, sim-button, image, input, textarea, swiper, scroll-view) { box-sizing: border-box; }
:where(text) { display: inline; white-space: pre-wrap; }
:where(image, cover-image) { display: inline-block; position: relative; overflow: hidden; width: 300px; height: 225px; }
:where(image) > img { display: block; width: 100%; height: 100%; }
:where(image.sim-image-widthfix) { height: auto; }
:where(image.sim-image-widthfix) > img { height: auto; }
:where(image.sim-image-heightfix) { width: auto; }
:where(image.sim-image-heightfix) > img { width: auto; }
:where(sim-button) { display: block; margin: 0; text-align: center; cursor: pointer; user-select: none; outline: none; }
:where(sim-button.sim-btn) { height: 47px; line-height: 45px; font-size: 17px; border-radius: 4px;
  border: 1px solid #d9d9d9; background: #fff; color: #333; padding: 0 15px; }
:where(sim-button.sim-btn-primary) { background: #1677ff; border-color: #1677ff; color: #fff; }
:where(sim-button.sim-btn-warn) { background: #ff3141; border-color: #ff3141; color: #fff; }
:where(sim-button.sim-btn-mini) { display: inline-block; height: 30px; line-height: 28px; font-size: 14px; padding: 0 12px; }
:where(sim-button.sim-btn-disabled) { opacity: 0.4; }
:where(input, textarea) { font: inherit; color: inherit; border: 0; outline: none; background: transparent; padding: 0; margin: 0;
  display: block; width: 100%; }
:where(input) { height: 1.4em; min-height: 22px; }
:where(input, textarea)::placeholder { color: #999; }
:where(textarea) { width: 100%; height: 150px; resize: none; }
:where(scroll-view) { display: block; position: relative; -webkit-overflow-scrolling: touch; scrollbar-width: none; }
:where(swiper) { display: block; position: relative; overflow: hidden; height: 150px; }
:where(canvas) { display: inline-block; width: 300px; height: 150px; }
:where(movable-area) { display: block; position: relative; width: 10px; height: 10px; }
:where(movable-view) { display: block; position: absolute; top: 0; left: 0; width: 10px; height: 10px; touch-action: none; }
:where(sim-swiper-track) { display: flex; height: 100%; transition: transform 0.3s ease; }
:where(sim-swiper-track.sim-vertical) { flex-direction: column; }
:where(swiper-item) { flex: 0 0 100%; width: 100%; height: 100%; overflow: hidden; }
:where(sim-swiper-dots) { position: absolute; left: 0; right: 0; bottom: 8px; display: flex; justify-content: center; gap: 6px; pointer-events: none; }
:where(sim-swiper-dots) > i { width: 6px; height: 6px; border-radius: 3px; background: rgba(0,0,0,.25); }
:where(sim-swiper-dots) > i.on { background: #000; }
:where(checkbox, radio) { display: inline-flex; align-items: center; vertical-align: middle; cursor: pointer; }
:where(checkbox) > sim-box, :where(radio) > sim-box { width: 20px; height: 20px; border: 1px solid #c5cad1; background: #fff;
  display: inline-flex; align-items: center; justify-content: center; color: #fff; font-size: 14px; line-height: 1; box-sizing: border-box; }
:where(checkbox) > sim-box { border-radius: 4px; }
:where(radio) > sim-box { border-radius: 50%; }
:where(checkbox.sim-checked) > sim-box, :where(radio.sim-checked) > sim-box { background: #1677ff; border-color: #1677ff; }
:where(checkbox.sim-disabled, radio.sim-disabled, switch.sim-disabled) { opacity: 0.4; cursor: default; }
:where(switch) { display: inline-block; position: relative; width: 51px; height: 31px; border-radius: 16px; background: #e5e5e5;
  vertical-align: middle; cursor: pointer; transition: background .2s; }
:where(switch) > sim-knob { position: absolute; top: 2px; left: 2px; width: 27px; height: 27px; border-radius: 50%; background: #fff;
  box-shadow: 0 2px 4px rgba(0,0,0,.2); transition: left .2s; }
:where(switch.sim-checked) { background: #1677ff; }
:where(switch.sim-checked) > sim-knob { left: 22px; }
:where(slider) { display: flex; align-items: center; gap: 8px; margin: 10px 0; }
:where(slider) > input { flex: 1; }
:where(picker-view) { display: flex; position: relative; height: 204px; overflow: hidden; }
:where(picker-view-column) { flex: 1; height: 100%; overflow-y: scroll; scroll-snap-type: y mandatory; scrollbar-width: none; }
:where(picker-view-column)::-webkit-scrollbar { display: none; }
:where(picker-view-column) > * { height: 34px; line-height: 34px; text-align: center; scroll-snap-align: center; }
:where(picker-view-column) > sim-pad { display: block; scroll-snap-align: none; }
:where(sim-picker-indicator) { position: absolute; left: 0; right: 0; top: 0; height: 34px; border-top: 1px solid #eee;
  border-bottom: 1px solid #eee; pointer-events: none; }
:where(picker) { display: block; cursor: pointer; }
:where(icon) { display: inline-block; vertical-align: middle; line-height: 0; }
:where(sim-progress) { display: flex; align-items: center; gap: 8px; }
:where(sim-progress) > sim-bar { flex: 1; height: 6px; background: #ebebeb; overflow: hidden; }
:where(sim-progress) > sim-bar > i { display: block; height: 100%; background: #1677ff; }
:where(navigator) { cursor: pointer; }
:where(sim-camera) { display: block; width: 100%; height: 225px; background: #111; overflow: hidden; }
:where(sim-camera) > video { width: 100%; height: 100%; object-fit: cover; }
:where(sim-rtc-flex) { display: block; position: relative; width: 100%; height: 100%; background: #111; overflow: hidden; }
:where(sim-rtc-flex) > .sim-rtc-remote { width: 100%; height: 100%; object-fit: cover; }
:where(sim-rtc-flex) > .sim-rtc-local { position: absolute; right: 10px; top: 10px; width: 28%; border-radius: 6px;
  border: 2px solid #fff; background: #333; }
:where(sim-standin) { display: flex; align-items: center; justify-content: center; flex-direction: column; width: 100%; height: 225px;
  background: repeating-linear-gradient(45deg, #eef1f5, #eef1f5 10px, #e3e8ef 10px, #e3e8ef 20px); color: #5c6370; font-size: 13px;
  border: 1px dashed #aab3c0; box-sizing: border-box; text-align: center; }
:where(sim-standin) > b { font-size: 15px; color: #3c4048; margin-bottom: 4px; }
:where(sim-camera) { display: block; position: relative; width: 100%; height: 300px; background: #000; overflow: hidden; }
:where(sim-camera) > video.sim-camera-preview { width: 100%; height: 100%; object-fit: cover; display: block; }
:where(video) { display: block; width: 300px; height: 225px; background: #000; }
sim-error { display: block; margin: 4px; padding: 6px 8px; border: 2px solid #e00000; background: #fff0f0; color: #b00000;
  font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; white-space: pre-wrap; word-break: break-all; border-radius: 4px; }
sim-error::before { content: '模拟器: '; font-weight: bold; }
`;

export const SHELL_CSS = `
* { box-sizing: border-box; }
body { margin: 0; background: #e9ecf1; font: 13px/1.4 -apple-system, 'PingFang SC', 'Noto Sans CJK SC', sans-serif; color: #1f2329; }
#sim-root { display: flex; align-items: flex-start; gap: 24px; padding: 20px; min-height: 100vh; }
.sim-phone { position: relative; flex: none; background: #fff; border-radius: 0; overflow: hidden; display: flex; flex-direction: column;
  box-shadow: 0 0 0 10px #1f2329, 0 12px 40px rgba(0,0,0,.35); margin: 10px; }
.sim-status { height: 44px; flex: none; display: flex; align-items: center; justify-content: space-between; padding: 0 22px 0 28px;
  font-weight: 600; font-size: 15px; }
.sim-status-icons { display: flex; gap: 6px; align-items: center; font-size: 12px; }
.sim-battery { width: 24px; height: 12px; border: 1.5px solid currentColor; border-radius: 3px; padding: 1px; }
.sim-battery > i { display: block; height: 100%; width: 80%; background: currentColor; border-radius: 1px; }
.sim-nav { height: 44px; flex: none; display: flex; align-items: center; position: relative; border-bottom: 1px solid rgba(0,0,0,.05); }
.sim-nav-back { width: 44px; height: 44px; border: 0; background: none; font-size: 26px; line-height: 40px; cursor: pointer; color: inherit; }
.sim-nav-back[hidden] { display: block !important; visibility: hidden; }
.sim-nav-title { position: absolute; left: 90px; right: 90px; text-align: center; font-size: 17px; font-weight: 600;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.sim-nav-capsule { margin-left: auto; margin-right: 8px; width: 80px; height: 30px; border: 1px solid rgba(0,0,0,.12);
  border-radius: 15px; display: flex; align-items: center; justify-content: space-around; font-size: 16px; color: #333; }
.sim-refresh { height: 0; overflow: hidden; flex: none; display: flex; align-items: center; justify-content: center; color: #8a8f99;
  font-size: 12px; transition: height .15s; background: #f5f6f8; }
.sim-refresh.on { height: 44px; }
.sim-viewport { position: relative; flex: 1; min-height: 0; background: #fff; }
.sim-transparent-title .sim-nav { position: absolute; top: 44px; left: 0; right: 0; z-index: 5; border-bottom: 0; }
.sim-page-frame { position: absolute; inset: 0; width: 100%; height: 100%; border: 0; display: block; background: #fff; }
.sim-page-frame[data-top="false"] { visibility: hidden; }
.sim-tabbar { height: 50px; flex: none; display: flex; border-top: 1px solid rgba(0,0,0,.08); }
.sim-tabbar[hidden] { display: none; }
.sim-tab { flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: center; border: 0; background: none;
  font: inherit; font-size: 11px; cursor: pointer; gap: 2px; }
.sim-tab-icon { width: 22px; height: 22px; border-radius: 6px; border: 2px solid currentColor; opacity: .85; }
.sim-tab.on .sim-tab-icon { background: currentColor; }
.sim-tab-image { width: 24px; height: 24px; object-fit: contain; }
.sim-tab-figure { position: relative; display: inline-flex; }
.sim-tab-badge { position: absolute; top: -6px; left: 14px; min-width: 16px; height: 16px; padding: 0 4px; border-radius: 8px;
  background: #ff3141; color: #fff; font: 10px/16px sans-serif; font-style: normal; text-align: center; box-sizing: border-box; }
.sim-tab-badge.dot { min-width: 8px; width: 8px; height: 8px; padding: 0; top: -3px; left: 18px; }
.sim-home { height: 34px; flex: none; display: flex; align-items: center; justify-content: center; }
.sim-home > i { width: 134px; height: 5px; border-radius: 3px; background: #1f2329; }
.sim-overlays { position: absolute; inset: 0; pointer-events: none; z-index: 10; }
.sim-overlays > * { pointer-events: auto; }
.sim-toast { position: absolute; left: 50%; top: 45%; transform: translate(-50%, -50%); max-width: 70%; min-width: 120px;
  background: rgba(0,0,0,.78); color: #fff; border-radius: 8px; padding: 12px 16px; text-align: center; font-size: 15px; pointer-events: none; }
.sim-toast-icon { font-size: 34px; line-height: 1.2; display: block; }
.sim-mask { position: absolute; inset: 0; background: rgba(0,0,0,.45); display: flex; align-items: center; justify-content: center; }
.sim-mask.clear { background: transparent; }
.sim-mask.bottom { align-items: flex-end; }
.sim-dialog { width: 280px; background: #fff; border-radius: 12px; overflow: hidden; text-align: center; }
.sim-dialog-title { font-size: 17px; font-weight: 600; padding: 20px 16px 4px; }
.sim-dialog-content { padding: 8px 20px 20px; color: #5c6370; font-size: 15px; white-space: pre-wrap; }
.sim-dialog-input { margin: 0 20px 16px; width: calc(100% - 40px); padding: 8px; border: 1px solid #ddd; border-radius: 6px; font: inherit; }
.sim-dialog-buttons { display: flex; border-top: 1px solid #eee; }
.sim-dialog-buttons > button { flex: 1; height: 48px; border: 0; background: none; font: inherit; font-size: 17px; cursor: pointer; color: #1677ff; }
.sim-dialog-buttons > button + button { border-left: 1px solid #eee; }
.sim-dialog-buttons > button.cancel { color: #333; }
.sim-sheet { width: 100%; background: #f5f6f8; border-radius: 12px 12px 0 0; overflow: hidden; max-height: 80%; display: flex; flex-direction: column; }
.sim-sheet-title { padding: 14px; text-align: center; color: #8a8f99; font-size: 13px; background: #fff; border-bottom: 1px solid #eee; white-space: pre-line; }
.sim-sheet-body { overflow-y: auto; background: #fff; }
.sim-sheet-item { display: block; width: 100%; padding: 14px; border: 0; border-bottom: 1px solid #f0f0f0; background: #fff; font: inherit;
  font-size: 16px; cursor: pointer; text-align: center; }
.sim-sheet-item.danger { color: #ff3141; }
.sim-sheet-item.left { text-align: left; }
.sim-sheet-cancel { margin-top: 8px; display: block; width: 100%; padding: 14px 14px 48px; border: 0; background: #fff; font: inherit; font-size: 16px; cursor: pointer; }
.sim-city-search { margin: 8px 12px; padding: 8px 12px; border: 1px solid #e5e6eb; border-radius: 16px; font: inherit; font-size: 14px; background: #fff; }
.sim-city-heading { padding: 10px 14px 4px; color: #8a8f99; font-size: 12px; background: #fff; }
.sim-city-hot { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; padding: 6px 14px 12px; background: #fff; }
.sim-city-hot .sim-sheet-item { padding: 8px 4px; border: 0; border-radius: 6px; background: #f5f6f8; font-size: 14px; }
.sim-images { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; padding: 12px; }
.sim-images label { position: relative; cursor: pointer; }
.sim-images img { width: 100%; aspect-ratio: 4/3; object-fit: cover; border-radius: 6px; display: block; }
.sim-images input { position: absolute; top: 6px; right: 6px; }
.sim-images span { display: block; text-align: center; font-size: 12px; color: #5c6370; }
.sim-loading-box { background: rgba(0,0,0,.78); color: #fff; border-radius: 8px; padding: 18px 20px; text-align: center; min-width: 110px; }
.sim-spinner { width: 30px; height: 30px; margin: 0 auto 8px; border-radius: 50%; border: 3px solid rgba(255,255,255,.3);
  border-top-color: #fff; animation: sim-spin 0.8s linear infinite; }
@keyframes sim-spin { to { transform: rotate(360deg); } }
.sim-redbox { position: absolute; left: 6px; right: 6px; top: 92px; z-index: 20; max-height: 40%; overflow: auto; background: #fff0f0;
  border: 2px solid #e00000; border-radius: 6px; color: #b00000; font: 11px/1.4 ui-monospace, Menlo, monospace; padding: 6px 8px;
  white-space: pre-wrap; word-break: break-all; box-shadow: 0 4px 12px rgba(0,0,0,.2); }
.sim-redbox[hidden] { display: none; }
.sim-redbox button { float: right; border: 1px solid #e00000; background: #fff; color: #b00000; border-radius: 4px; cursor: pointer; font-size: 11px; }
.sim-panel { width: 340px; flex: none; background: #fff; border-radius: 10px; padding: 14px 16px; box-shadow: 0 2px 10px rgba(0,0,0,.08); }
.sim-panel h2 { font-size: 15px; margin: 0 0 10px; }
.sim-panel h3 { font-size: 12px; margin: 14px 0 6px; color: #8a8f99; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; }
.sim-row { display: flex; align-items: center; gap: 8px; margin: 6px 0; flex-wrap: wrap; }
.sim-row label { min-width: 72px; color: #5c6370; }
.sim-row input[type=text], .sim-row select { flex: 1; padding: 4px 6px; border: 1px solid #d9d9d9; border-radius: 4px; font: inherit; min-width: 0; }
.sim-panel button.sim-btn-panel { padding: 4px 10px; border: 1px solid #d0d5dd; background: #fff; border-radius: 4px; cursor: pointer; font: inherit; }
.sim-panel button.sim-btn-panel:hover { background: #f3f5f8; }
.sim-stats { width: 100%; border-collapse: collapse; font-size: 12px; }
.sim-stats td, .sim-stats th { text-align: left; padding: 3px 4px; border-bottom: 1px solid #f0f0f0; }
.sim-stats td.num, .sim-stats th.num { text-align: right; font-variant-numeric: tabular-nums; }
.sim-log { max-height: 160px; overflow: auto; font: 11px/1.4 ui-monospace, Menlo, monospace; background: #fafbfc; border: 1px solid #eee;
  padding: 4px 6px; white-space: pre-wrap; word-break: break-all; }
.sim-log .err { color: #b00000; }
.sim-offline-badge { position: absolute; top: 12px; left: 50%; transform: translateX(-50%); background: #ff3141; color: #fff; font-size: 11px;
  padding: 1px 8px; border-radius: 8px; z-index: 5; }
`;

import { configure } from 'mobx';

// Proxies are off so the same observable code runs on every engine Alipay ships; state changes only in actions.
configure({ useProxies: 'never', enforceActions: 'observed' });

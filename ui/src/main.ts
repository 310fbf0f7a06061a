import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import { catchUnexpected } from './lib/unexpectedErrors'
import { announceRecovery } from './lib/pageRecovered'
// Services called from script (not resolved per template use): their styles.
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import 'element-plus/theme-chalk/dark/css-vars.css'
import './styles.css'
import { applyTheme } from './stores/theme'

document.documentElement.lang = i18n.global.locale.value
applyTheme()
const app = createApp(App).use(router).use(i18n)
catchUnexpected(app)
app.mount('#app')
announceRecovery()

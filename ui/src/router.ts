import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/customers' },
  { path: '/home', name: 'home', component: () => import('./features/home/HomeView.vue') },
  { path: '/customers', name: 'customers', component: () => import('./features/customers/CustomerListView.vue') },
  {
    path: '/customers/:id(\\d+)',
    name: 'customer',
    component: () => import('./features/customers/CustomerView.vue'),
    props: (route) => ({ id: Number(route.params.id) }),
  },
  { path: '/pipeline', name: 'pipeline', component: () => import('./features/pipeline/PipelineView.vue') },
  { path: '/weekly', name: 'weekly', component: () => import('./features/weekly/WeeklyView.vue') },
  { path: '/results', name: 'results', component: () => import('./features/results/ResultsView.vue') },
  { path: '/imports', name: 'imports', component: () => import('./features/import/ImportsView.vue') },
  { path: '/trash', name: 'trash', component: () => import('./features/trash/TrashView.vue') },
  { path: '/settings', name: 'settings', component: () => import('./features/settings/SettingsView.vue') },
  { path: '/:rest(.*)*', redirect: '/customers' },
]

// Hash history: the built UI is loaded from files by Tauri (base './').
export const router = createRouter({ history: createWebHashHistory(), routes })

import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/customers' },
  { path: '/home', name: 'home', component: () => import('./views/HomeView.vue') },
  { path: '/customers', name: 'customers', component: () => import('./views/CustomerListView.vue') },
  {
    path: '/customers/:id(\\d+)',
    name: 'customer',
    component: () => import('./views/CustomerView.vue'),
    props: (route) => ({ id: Number(route.params.id) }),
  },
  { path: '/pipeline', name: 'pipeline', component: () => import('./views/PipelineView.vue') },
  { path: '/imports', name: 'imports', component: () => import('./views/ImportsView.vue') },
  { path: '/trash', name: 'trash', component: () => import('./views/TrashView.vue') },
  { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue') },
  { path: '/:rest(.*)*', redirect: '/customers' },
]

// Hash history: the built UI is loaded from files by Tauri (base './').
export const router = createRouter({ history: createWebHashHistory(), routes })

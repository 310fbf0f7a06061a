// The power map's pure parts (chart option, drag rule, sentences) and its small components:
// the side panel, the legend and the status light. The ECharts canvas itself is not mounted
// (happy-dom has no canvas); the option it draws is tested instead.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { MapNode, MapView, HistoryEntry, Assessment } from '../bindings'
import { mountWith } from './helpers'
import { defineComponent, h } from 'vue'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import {
  buildOption,
  curveMiddle,
  dropResult,
  fitScale,
  initialView,
  MAX_FIT_SCALE,
  EDGE_LABEL_LIMIT,
  LARGE_MAP,
  nodeSize,
  supportColor,
  SUPPORT_COLORS,
  UNKNOWN_COLOR,
  EDGE_STYLES,
  type GraphLink,
  type GraphNode,
} from '../features/powermap/options'
import { historyText, mapErrorText, mapWords, reasonText } from '../features/powermap/words'
import { reasonText as formReasonText, validationText, type ValidationError } from '../errors'
import { i18n } from '../i18n'
import { usePowerMap } from '../features/powermap/tab/usePowerMap'
import PowerMapTab from '../features/powermap/tab/PowerMapTab.vue'
import AssessmentPanel from '../features/powermap/AssessmentPanel.vue'
import MapLegend from '../features/powermap/MapLegend.vue'
import StatusLight from '../features/powermap/StatusLight.vue'

const assess = (contactId: number, a: Partial<Assessment> = {}): Assessment => ({
  contactId,
  buyingRole: null,
  support: null,
  influence: null,
  coverage: null,
  coveredBy: '',
  evidence: '',
  assessedOn: '2026-05-02',
  ...a,
})
const node = (contactId: number, name: string, extra: Partial<MapNode> = {}): MapNode => ({
  contactId,
  name,
  title: '',
  department: '',
  isKeyPerson: false,
  keyPlayer: false,
  reportsTo: null,
  assessment: null,
  coverageGap: false,
  x: contactId * 100,
  y: 0,
  pinned: false,
  ...extra,
})
function mapView(): MapView {
  return {
    customerId: 1,
    scopeId: null,
    scopeName: '',
    scopes: [{ id: null, name: '', light: 'red' }],
    nodes: [
      node(1, '王总', {
        title: '总经理',
        isKeyPerson: true,
        assessment: assess(1, { buyingRole: 'decision_maker', support: -2, influence: 5 }),
      }),
      node(2, '李经理', { reportsTo: 1, y: 150, assessment: assess(2, { support: 2, influence: 1 }) }),
      node(3, '张工', { reportsTo: 1, x: 300, y: 150 }),
    ],
    edges: [
      { id: null, kind: 'reports_to', from: 2, to: 1, label: '', scopeId: null },
      { id: null, kind: 'reports_to', from: 3, to: 1, label: '', scopeId: null },
      { id: 7, kind: 'influences', from: 2, to: 3, label: '技术选型', scopeId: null },
      { id: 8, kind: 'conflicts', from: 3, to: 1, label: '', scopeId: null },
    ],
    slots: [
      { id: 4, buyingRole: 'approver', label: '', filledBy: [], placeholder: { x: 500, y: 0 } },
      { id: 5, buyingRole: 'decision_maker', label: '', filledBy: [{ id: 1, name: '王总' }], placeholder: null },
    ],
    status: { light: 'red', reasons: [{ code: 'no_supportive_key_player' }] },
    asOf: null,
    min: { x: 100, y: 0 },
    max: { x: 500, y: 150 },
  }
}
const series = (v: MapView) =>
  buildOption(v, mapWords()).series[0] as unknown as {
    nodes: GraphNode[]
    links: GraphLink[]
    layout: string
    roam: boolean
  }

beforeEach(() => vi.clearAllMocks())

describe('power map in 深色', () => {
  const look = (extras: Parameters<typeof buildOption>[2]) => {
    const o = buildOption(mapView(), mapWords(), extras)
    const s = o.series[0] as unknown as { nodes: GraphNode[]; label: { rich: Record<string, { color: string }> } }
    const plain = s.nodes.find((n) => n.id === 'c3')!
    return { bg: o.backgroundColor, name: s.label.rich.name!.color, outline: plain.itemStyle.borderColor }
  }

  it('draws light names and dark outlines on the dark page', () => {
    expect(look({})).toEqual({ bg: 'transparent', name: '#1f2d3d', outline: '#ffffff' })
    expect(look({ dark: true })).toEqual({ bg: 'transparent', name: '#e2e5ea', outline: '#1c1f25' })
  })

  it('exports light on white even when the page is dark', () => {
    expect(look({ dark: true, forExport: true })).toEqual({ bg: '#ffffff', name: '#1f2d3d', outline: '#ffffff' })
  })
})

describe('power map chart option', () => {
  it('is a graph with the core positions, pan and zoom', () => {
    const s = series(mapView())
    expect(s.layout).toBe('none')
    expect(s.roam).toBe(true)
    expect(s.nodes.find((n) => n.contactId === 2)).toMatchObject({ x: 200, y: 150 })
  })

  it('colours nodes by support (−2 red … +2 deep green, unknown grey) and sizes them by influence', () => {
    const s = series(mapView())
    const byId = (id: number) => s.nodes.find((n) => n.contactId === id)!
    expect(byId(1).itemStyle.color).toBe(SUPPORT_COLORS['-2'])
    expect(byId(2).itemStyle.color).toBe(SUPPORT_COLORS['2'])
    expect(byId(3).itemStyle.color).toBe(UNKNOWN_COLOR)
    expect(supportColor(-2)).toBe('#c62828')
    expect(supportColor(2)).toBe('#1b7a3a')
    expect(byId(1).symbolSize).toBeGreaterThan(byId(2).symbolSize)
    expect(nodeSize(5)).toBeGreaterThan(nodeSize(4))
    expect(nodeSize(1)).toBeGreaterThan(nodeSize(null))
  })

  it('labels a node with name, title, buying role and a support badge; key persons get a ★ and a border', () => {
    const s = series(mapView())
    const wang = s.nodes.find((n) => n.contactId === 1)!
    const label = String(wang.label.formatter)
    expect(label).toContain('★ 王总')
    expect(label).toContain('总经理')
    expect(label).toContain('决策者')
    expect(label).toContain('-2 反对')
    expect(wang.itemStyle.borderWidth).toBe(3)
    expect(String(s.nodes.find((n) => n.contactId === 3)!.label.formatter)).toContain('未评估')
  })

  it('draws reports-to straight from boss to subordinate, influence and conflict curved and labelled', () => {
    const s = series(mapView())
    const reports = s.links.filter((l) => l.kind === 'reports_to')
    expect(reports).toHaveLength(2)
    expect(reports[0]).toMatchObject({ source: 'c1', target: 'c2' })
    expect(reports[0].lineStyle.curveness).toBe(0)
    expect(reports[0].label.show).toBe(false)
    const inf = s.links.find((l) => l.kind === 'influences')!
    expect(inf.lineStyle.curveness).not.toBe(0)
    expect(inf.lineStyle.type).toBe(EDGE_STYLES.influences.type)
    expect(inf.label.formatter).toBe('影响：技术选型')
    expect(inf.symbol).toEqual(['none', 'arrow'])
    const conflict = s.links.find((l) => l.kind === 'conflicts')!
    expect(conflict.lineStyle.curveness).not.toBe(0)
    expect(conflict.lineStyle.color).toBe(EDGE_STYLES.conflicts.color)
    expect(conflict.label.formatter).toBe('冲突')
  })

  it('puts node labels beside the node and edge labels level beside the curve, off the line', () => {
    const s = series(mapView())
    expect(s.nodes.filter((n) => n.contactId !== null).every((n) => n.label.position === 'right')).toBe(true)
    // The influence 李经理 (200,150) → 张工 (300,150) bows up (curveness 0.25): its label sits
    // above the middle of the curve, written level; the link's own turned label is off.
    const label = s.nodes.find((n) => n.id.startsWith('label:') && n.name === '影响：技术选型')!
    expect(curveMiddle({ x: 200, y: 150 }, { x: 300, y: 150 }, 0.25)).toEqual([250, 137.5])
    expect(label).toMatchObject({ x: 250, y: 137.5, contactId: null, draggable: false })
    expect(label.label.position).toBe('top')
    expect(s.links.every((l) => l.label.show === false)).toBe(true)
    // Two opposite influences between a boss and a report bow to either side: labels left and right.
    const v = mapView()
    v.edges.push(
      { id: 9, kind: 'influences', from: 1, to: 2, label: '', scopeId: null },
      { id: 10, kind: 'influences', from: 2, to: 1, label: '', scopeId: null },
    )
    const sides = series(v)
      .nodes.filter((n) => n.id.startsWith('label:c1:c2') || n.id.startsWith('label:c2:c1'))
      .map((n) => n.label.position)
    expect(sides.sort()).toEqual(['left', 'right'])
  })

  it('shows an empty required slot as a dashed placeholder node, a filled one not at all', () => {
    const s = series(mapView())
    const placeholders = s.nodes.filter((n) => n.placeholder)
    expect(placeholders).toHaveLength(1)
    expect(placeholders[0]).toMatchObject({ id: 'slot4', x: 500, y: 0, draggable: false })
    expect(placeholders[0].itemStyle.borderType).toBe('dashed')
    expect(String(placeholders[0].label.formatter)).toContain('待定：审批者')
  })

  it('marks what changed since a past date in an as-of view, and nodes cannot be dragged there', () => {
    const v = mapView()
    const diff = {
      asOf: '2026-01-01',
      newContacts: [],
      removedContacts: [],
      changed: [
        {
          contact: { id: 2, name: '李经理' },
          then: assess(2, { support: 0 }),
          now: assess(2, { support: 2 }),
          fields: ['support'],
        },
      ],
      addedEdges: [],
      removedEdges: [],
      statusThen: v.status,
      statusNow: v.status,
    }
    const s = buildOption(v, mapWords(), { diff }).series[0] as unknown as { nodes: GraphNode[] }
    const li = s.nodes.find((n) => n.contactId === 2)!
    expect(li.itemStyle.borderWidth).toBe(4)
    expect(li.draggable).toBe(false)
  })
})

describe('large maps', () => {
  function big(n: number): MapView {
    const v = mapView()
    v.nodes = Array.from({ length: n }, (_, i) =>
      node(i + 1, `联系人${i}`, { x: i * 110, y: i === 0 ? 0 : 150 + (i % 3) * 150 }),
    )
    v.nodes[0].x = (n * 110) / 2
    v.min = { x: 0, y: 0 }
    v.max = { x: (n - 1) * 110, y: 450 }
    v.edges = Array.from({ length: EDGE_LABEL_LIMIT + 1 }, (_, i) => ({
      id: i + 100,
      kind: 'influences' as const,
      from: i + 1,
      to: i + 2,
      label: '',
      scopeId: null,
    }))
    v.slots = []
    return v
  }
  it('a small map is fitted whole; a wide one opens zoomed to a readable scale at its top', () => {
    // A small map is not blown up: drawn at MAX_FIT_SCALE, centred.
    const small = initialView(mapView(), { width: 1000, height: 540 })!
    expect(fitScale(mapView(), { width: 1000, height: 540 })! * small.zoom).toBeCloseTo(MAX_FIT_SCALE)
    expect(small.center).toEqual([300, 75])
    expect(initialView(mapView(), { width: 500, height: 300 })).toBeNull()
    const start = initialView(big(150), { width: 1000, height: 540 })!
    expect(start.zoom).toBeGreaterThan(5)
    expect(start.center[0]).toBe((150 * 110) / 2)
    const s = buildOption(big(150), mapWords(), { viewport: { width: 1000, height: 540 } }).series[0] as unknown as {
      zoom: number
      scaleLimit: { max: number }
    }
    expect(s.zoom).toBe(start.zoom)
    // The zoom limit does not clamp the readable start (it is relative to the fitted map).
    expect(s.scaleLimit.max).toBeGreaterThan(start.zoom)
    const fitted = buildOption(big(150), mapWords(), { viewport: { width: 1000, height: 540 }, fitAll: true })
      .series[0] as unknown as { zoom?: number }
    expect(fitted.zoom).toBeUndefined()
  })
  it('a large map is drawn for speed: solid lines (colour tells the kinds apart), no animation, overlaps dropped', async () => {
    const o = buildOption(big(LARGE_MAP + 1), mapWords()) as unknown as {
      animation: boolean
      series: { links: GraphLink[]; labelLayout: { hideOverlap: boolean } }[]
    }
    expect(o.series[0].links.every((l) => l.lineStyle.type === 'solid')).toBe(true)
    expect(o.series[0].links[0].lineStyle.color).toBe(EDGE_STYLES.influences.color)
    expect([o.animation, o.series[0].labelLayout.hideOverlap]).toEqual([false, true])
    const small = buildOption(mapView(), mapWords()).series[0] as unknown as { links: GraphLink[] }
    expect(small.links.find((l) => l.kind === 'influences')!.lineStyle.type).toBe('dashed')
    // …and its legend says so.
    const { wrapper } = await mountWith(MapLegend, { props: { solidLines: true } })
    expect(
      wrapper.findAll('[data-testid="legend-edge"] .line').every((w) => /solid/.test(w.attributes('style') ?? '')),
    ).toBe(true)
    wrapper.unmount()
  })

  it('with many influence/conflict edges their labels show on hover only', () => {
    const o = buildOption(big(40), mapWords())
    const s = o.series[0] as unknown as {
      nodes: GraphNode[]
      links: GraphLink[]
      emphasis: { edgeLabel: { show: boolean } }
    }
    expect(s.links.every((l) => l.label.show === false)).toBe(true)
    expect(s.nodes.some((n) => n.id.startsWith('label:'))).toBe(false)
    expect(s.emphasis.edgeLabel.show).toBe(true)
    // A small map writes them beside the curves instead, and not again on hover.
    const small = buildOption(mapView(), mapWords()).series[0] as unknown as typeof s
    expect(small.nodes.filter((n) => n.id.startsWith('label:'))).toHaveLength(2)
    expect(small.emphasis.edgeLabel.show).toBe(false)
  })
})

describe('dragging a node', () => {
  const id = (p: [number, number]): [number, number] => p
  it('dropped on another contact sets reports-to', () => {
    // 张工 (300,150) dragged onto 李经理 (200,150)
    expect(dropResult(mapView(), 3, [300, 150], [205, 152], id)).toEqual({ kind: 'reportsTo', contactId: 3, boss: 2 })
  })
  it('dropped on empty space moves it there', () => {
    expect(dropResult(mapView(), 3, [300, 150], [350, 260], id)).toEqual({ kind: 'move', contactId: 3, x: 350, y: 260 })
  })
  it('a move of a pixel or two is a click, not a drag', () => {
    expect(dropResult(mapView(), 3, [300, 150], [301, 151], id)).toEqual({ kind: 'none' })
  })
  it('hit-tests in screen pixels (zoomed out, the same map distance is a miss)', () => {
    const zoomedOut = (p: [number, number]): [number, number] => [p[0] / 4, p[1] / 4]
    expect(dropResult(mapView(), 3, [300, 150], [240, 150], id)).toMatchObject({ kind: 'move' })
    expect(dropResult(mapView(), 3, [300, 150], [240, 150], zoomedOut)).toMatchObject({ kind: 'reportsTo', boss: 2 })
  })
})

describe('power map sentences', () => {
  it('words a support change for the timeline', () => {
    const e: HistoryEntry = {
      id: 1,
      changedOn: '2026-05-02',
      recordedAt: '2026-05-02 10:00:00',
      scopeId: null,
      contact: { id: 1, name: '王总' },
      change: {
        kind: 'assessment',
        data: { old: assess(1, { support: 1 }), new: assess(1, { support: 0 }), fields: ['support'] },
      },
    }
    expect(historyText(e)).toBe('王总 支持度 支持 → 中立')
  })
  // The core's refusals as it sends them: the loop as a path of contacts, the boss by id and name.
  const wang = { id: 1, name: '王总' }
  const li = { id: 2, name: '李经理' }
  const cycle: ValidationError = {
    type: 'validation',
    data: { field: 'reportsTo', reason: 'cycle', detail: { kind: 'cycle', path: [wang, li, wang] } },
  }
  const refusal = (reason: ValidationError['data']['reason'], detail: ValidationError['data']['detail']) =>
    ({ type: 'validation', data: { field: 'to', reason, detail } }) as const
  const hasBoss = refusal('duplicate', { kind: 'hasBoss', boss: li })

  it('names the cycle of a refused reports-to', () => {
    expect(mapErrorText(cycle)).toBe('汇报关系形成循环：王总 → 李经理 → 王总')
    expect(mapErrorText(refusal('duplicate', { kind: 'edge', edge: 'influences' }))).toBe('这条关系已经存在')
    expect(mapErrorText(hasBoss)).toMatch(/^已经汇报给 李经理：一个人只有一个上级/)
    expect(mapErrorText(refusal('invalid_reference', { kind: 'toSelf' }))).toBe('不能和自己建立关系')
    expect(mapErrorText(refusal('cycle', { kind: 'cycle', path: [wang, wang] }))).toBe('汇报关系形成循环：王总 → 王总')
    expect(mapErrorText(refusal('invalid_reference', { kind: 'otherCustomer' }))).toBe('只能连接本客户的联系人')
  })
  it('the contact form names the cycle the same way', () => {
    expect(formReasonText('cycle', '王总 → 李经理 → 王总')).toBe('汇报关系形成循环：王总 → 李经理 → 王总')
    expect(validationText(cycle)).toBe('汇报关系形成循环：王总 → 李经理 → 王总')
  })
  it('words the refusals in English too', () => {
    i18n.global.locale.value = 'en'
    try {
      expect(mapErrorText(cycle)).toBe('Reports-to would form a cycle: 王总 → 李经理 → 王总')
      expect(mapErrorText(hasBoss)).toMatch(/^Already reports to 李经理: a person has one boss/)
      expect(mapErrorText(refusal('duplicate', { kind: 'edge', edge: 'conflicts' }))).toBe(
        'This relation already exists',
      )
      expect(mapErrorText(refusal('invalid_reference', { kind: 'toSelf' }))).toBe(
        'A contact cannot be linked to themselves',
      )
      expect(validationText(cycle)).toBe('reporting line forms a loop: 王总 → 李经理 → 王总')
    } finally {
      i18n.global.locale.value = 'zh-CN'
    }
  })
  it('explains each light', () => {
    expect(reasonText({ code: 'supportive_decider', data: { contacts: [{ id: 1, name: '王总' }] } })).toBe(
      '决策者/审批者支持我方：王总',
    )
    expect(reasonText({ code: 'empty_slot', data: { slotId: 1, buyingRole: 'approver', label: '' } })).toBe(
      '必需角色空缺：审批者',
    )
  })
})

describe('side panel', () => {
  it('shows the node assessment and saves the edited one', async () => {
    const v = mapView()
    const { wrapper } = await mountWith(AssessmentPanel, {
      props: { modelValue: true, node: v.nodes[0], nodes: v.nodes, edges: v.edges },
    })
    const panel = document.body.querySelector('[data-testid="assessment-panel"]')!
    expect(panel.textContent).toContain('王总')
    const checked = (group: string) => panel.querySelector(`[data-testid="${group}"] .is-active`)?.textContent?.trim()
    expect(checked('panel-role')).toBe('决策者')
    expect(checked('panel-support')).toBe('-2 反对')
    expect(checked('panel-influence')).toBe('5')
    // No boss: the select says 无 (its '' choice), not an empty select's 请选择.
    expect(v.nodes[0]!.reportsTo ?? null).toBeNull()
    expect(panel.querySelector('[data-testid="panel-reports-to"]')!.textContent).toContain('无')
    ;(panel.querySelector('[data-testid="panel-support-1"] input') as HTMLInputElement).click()
    ;(panel.querySelector('[data-testid="panel-role-approver"] input') as HTMLInputElement).click()
    ;(panel.querySelector('[data-testid="panel-coverage-deep"] input') as HTMLInputElement).click()
    // Element Plus puts the test id on the native input.
    const covered = panel.querySelector(
      'input[data-testid="panel-covered-by"], [data-testid="panel-covered-by"] input',
    ) as HTMLInputElement
    covered.value = ' 张伟 '
    covered.dispatchEvent(new Event('input'))
    await wrapper.vm.$nextTick()
    ;(panel.querySelector('[data-testid="panel-save"]') as HTMLButtonElement).click()
    const saved = wrapper.emitted('save')![0][0] as Assessment
    expect(saved).toMatchObject({
      contactId: 1,
      buyingRole: 'approver',
      support: 1,
      influence: 5,
      coverage: 'deep',
      coveredBy: '张伟',
    })
    wrapper.unmount()
  })

  it('clearing support sends null, and reports-to changes are emitted', async () => {
    const v = mapView()
    const { wrapper } = await mountWith(AssessmentPanel, {
      props: { modelValue: true, node: v.nodes[1], nodes: v.nodes, edges: v.edges },
    })
    const panel = document.body.querySelector('[data-testid="assessment-panel"]')!
    ;(panel.querySelector('[data-testid="panel-support-none"] input') as HTMLInputElement).click()
    await wrapper.vm.$nextTick()
    ;(panel.querySelector('[data-testid="panel-save"]') as HTMLButtonElement).click()
    expect((wrapper.emitted('save')![0][0] as Assessment).support).toBeNull()
    // The influence edge of 李经理 is listed; its note can be edited.
    expect(panel.querySelectorAll('[data-testid="panel-relation"]')).toHaveLength(1)
    ;(panel.querySelector('[data-testid="panel-relabel"]') as HTMLButtonElement).click()
    expect(wrapper.emitted('relabelEdge')![0]).toEqual([7, '技术选型'])
    wrapper.unmount()
  })

  it('the key-person switch shows the flag and emits the change', async () => {
    const v = mapView()
    const { wrapper } = await mountWith(AssessmentPanel, {
      props: { modelValue: true, node: v.nodes[0], nodes: v.nodes, edges: v.edges },
    })
    const panel = document.body.querySelector('[data-testid="assessment-panel"]')!
    const toggle = panel.querySelector('[data-testid="panel-key-person"]') as HTMLElement
    expect(toggle.classList.contains('is-checked')).toBe(true)
    toggle.click()
    await wrapper.vm.$nextTick()
    expect(wrapper.emitted('keyPerson')![0]).toEqual([false])
    wrapper.unmount()
  })
})

describe('legend and status light', () => {
  it('the legend lists the five support levels and unknown, the three edge kinds', async () => {
    const { wrapper } = await mountWith(MapLegend)
    const support = wrapper.findAll('[data-testid="legend-support"]').map((w) => w.text())
    expect(support).toEqual(['+2 教练', '+1 支持', '0 中立', '-1 不支持', '-2 反对', '未评估'])
    expect(wrapper.findAll('[data-testid="legend-edge"]').map((w) => w.text())).toEqual(['汇报', '影响', '冲突'])
    expect(wrapper.find('[data-testid="legend-diff"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('the status light shows its colour and its reasons', async () => {
    const { wrapper } = await mountWith(StatusLight, {
      props: {
        light: 'amber',
        reasons: [{ code: 'no_supportive_decider', data: { supporters: [{ id: 2, name: '李经理' }] } }],
      },
    })
    const light = wrapper.get('[data-testid="status-light"]')
    expect(light.attributes('data-light')).toBe('amber')
    expect(light.text()).toContain('黄灯')
    await light.trigger('mouseenter')
    await new Promise((r) => setTimeout(r, 300))
    expect(document.body.textContent).toContain('有支持者（李经理），但没有决策者或审批者支持我方')
    wrapper.unmount()
  })
})

describe('the 权力地图 tab', () => {
  /** The tab's state alone (its parts need a canvas): how many contacts the map shown has. */
  const Tab = defineComponent({
    setup() {
      const { shown } = usePowerMap({ customerId: 1, customerName: '华东精密' }, () => {})
      return () => h('output', { 'data-testid': 'nodes' }, String(shown.value?.nodes.length ?? '—'))
    },
  })

  it('opened again, shows the map it had at once, asks again, and takes a changed answer', async () => {
    api.powerMap.mockResolvedValue(mapView())
    api.powerMapHistory.mockResolvedValue([])
    api.powerCoverage.mockResolvedValue([])
    const first = (await mountWith(Tab)).wrapper
    expect(first.get('[data-testid="nodes"]').text()).toBe('3')
    first.unmount()

    let answer: (v: MapView) => void = () => {}
    api.powerMap.mockReturnValue(new Promise((r) => (answer = r)))
    const { wrapper } = await mountWith(Tab)
    expect(api.powerMap).toHaveBeenCalledTimes(2)
    expect(wrapper.get('[data-testid="nodes"]').text()).toBe('3')
    const fewer = mapView()
    fewer.nodes = fewer.nodes.slice(0, 2)
    answer(fewer)
    await vi.waitFor(() => expect(wrapper.get('[data-testid="nodes"]').text()).toBe('2'))
    wrapper.unmount()
  })

  it('builds the scope list and the toolbar’s menus only when they are opened', async () => {
    api.powerMap.mockResolvedValue(mapView())
    api.powerMapHistory.mockResolvedValue([])
    api.powerCoverage.mockResolvedValue([])
    const { wrapper } = await mountWith(PowerMapTab, {
      props: { customerId: 1, customerName: '华东精密' },
      global: { stubs: { MapGraph: true } },
    })
    const inPage = (id: string) => document.body.querySelector(`[data-testid="${id}"]`)
    expect(wrapper.get('[data-testid="pm-scope"] .el-select__placeholder').text()).toBe('客户整体')
    expect(inPage('pm-scope-new')).toBeNull()
    expect(inPage('pm-export-png')).toBeNull()
    expect(document.body.querySelector('.el-select-dropdown__item')).toBeNull()
    await wrapper.get('[data-testid="pm-scope-menu"]').trigger('click')
    await vi.waitFor(() => expect(inPage('pm-scope-new')).not.toBeNull())
    await wrapper.get('[data-testid="pm-export"]').trigger('click')
    await vi.waitFor(() => expect(inPage('pm-export-png')).not.toBeNull())
    wrapper.unmount()
  })
})

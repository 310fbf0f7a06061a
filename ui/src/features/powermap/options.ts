// The power map's ECharts option, built from the core's MapView by pure functions (tested
// without a canvas): colours by support, sizes by influence, edge styles by kind, dashed
// placeholders for empty required slots. Also the drag-and-drop rule (drop on a node =
// reports-to, else a new position), which the map component and the tests share.
import type { EdgeKind, MapDiff, MapEdge, MapNode, MapSlot, MapView, StatusLight } from '../../bindings'

/** Node colour by support −2 … +2; grey when not assessed. */
export const SUPPORT_COLORS: Record<string, string> = {
  '-2': '#c62828',
  '-1': '#ef8a3c',
  '0': '#e0b422',
  '1': '#66bb6a',
  '2': '#1b7a3a',
}
export const UNKNOWN_COLOR = '#b8bec8'
export const KEY_BORDER = '#8a5a00'
export const DIFF_BORDER = '#7b3fe4'

export const EDGE_STYLES: Record<
  EdgeKind,
  { color: string; curveness: number; type: 'solid' | 'dashed' | 'dotted'; width: number }
> = {
  reports_to: { color: '#7a8699', curveness: 0, type: 'solid', width: 1.6 },
  influences: { color: '#2f7de1', curveness: 0.25, type: 'dashed', width: 1.6 },
  // Deeper than influences: a conflict and an influence between the same two never coincide.
  conflicts: { color: '#d9363e', curveness: -0.5, type: 'dotted', width: 2 },
}

export const LIGHT_COLORS: Record<StatusLight, string> = {
  red: '#d9363e',
  amber: '#e6a23c',
  green: '#2f9e55',
  unknown: '#b8bec8',
}

export function supportColor(support: number | null | undefined): string {
  if (support === null || support === undefined) return UNKNOWN_COLOR
  return SUPPORT_COLORS[String(support)] ?? UNKNOWN_COLOR
}

/** Symbol diameter in pixels: influence 1 → 30 … 5 → 62; not assessed 26. */
export function nodeSize(influence: number | null | undefined): number {
  if (!influence) return 26
  const i = Math.max(1, Math.min(5, influence))
  return 22 + i * 8
}

/** The words the option needs, in the UI's language (passed in: the builder stays pure). */
export interface MapWords {
  role: (r: string) => string
  support: (v: number) => string
  edge: (k: EdgeKind) => string
  slot: (label: string) => string
  notAssessed: string
}

export interface BuildExtras {
  /** The node picked in 连线 mode (drawn with a thick outline). */
  connectFrom?: number | null
  /** In an as-of view: what changed since, to highlight. */
  diff?: MapDiff | null
  /** For the export: no animation, a white background (and the light ink, whatever `dark` says). */
  forExport?: boolean
  /** Drawn on the dark page (深色): light names and dark outlines and label backgrounds. */
  dark?: boolean
  /**
   * The chart's size in pixels. A map that would be drawn smaller than readable when fitted
   * (150 contacts) opens zoomed to a readable scale at its top; the user pans and zooms.
   */
  viewport?: { width: number; height: number } | null
  /** Fit the whole map however small (适应窗口). */
  fitAll?: boolean
}

export const MARGIN = { left: 40, right: 140, top: 36, bottom: 36 }
/** Below this many screen pixels per map pixel labels are unreadable: zoom in instead. */
export const MIN_SCALE = 0.6
export const READABLE_SCALE = 0.85
/** A small map is drawn at most this large (screen pixels per map pixel). */
export const MAX_FIT_SCALE = 1.3
/**
 * A map of more contacts than this is drawn for speed: no entry animation, overlapping labels
 * dropped, and influence/conflict lines solid (their colour still tells them apart): dashed
 * curves were 40 % of drawing a 150-contact map in WebKitGTK.
 */
export const LARGE_MAP = 40
export const isLargeMap = (view: MapView) => view.nodes.length > LARGE_MAP
/** More influence/conflict edges than this: their labels show on hover only. */
export const EDGE_LABEL_LIMIT = 30

/** Screen pixels per map pixel when the whole map is fitted into `viewport` (null: unknown). */
export function fitScale(view: MapView, viewport: { width: number; height: number } | null | undefined): number | null {
  if (!viewport || !view.nodes.length) return null
  const bw = Math.max(1, view.max.x - view.min.x)
  const bh = Math.max(1, view.max.y - view.min.y)
  const boxW = viewport.width - MARGIN.left - MARGIN.right
  const boxH = viewport.height - MARGIN.top - MARGIN.bottom
  if (boxW <= 0 || boxH <= 0) return null
  return Math.min(boxW / bw, boxH / bh)
}

/**
 * The initial zoom and centre (map coordinates) of a map, or null to fit it whole. A map too
 * large to read when fitted opens at a readable scale at its top (unless `fitAll`); a small
 * one is not blown up beyond MAX_FIT_SCALE (three people spread over the whole canvas read
 * as unrelated).
 */
export function initialView(
  view: MapView,
  viewport: { width: number; height: number } | null | undefined,
  fitAll = false,
) {
  const fit = fitScale(view, viewport)
  if (fit === null || !viewport) return null
  if (fit > MAX_FIT_SCALE) {
    return {
      zoom: MAX_FIT_SCALE / fit,
      center: [(view.min.x + view.max.x) / 2, (view.min.y + view.max.y) / 2] as [number, number],
    }
  }
  if (fit >= MIN_SCALE || fitAll) return null
  const zoom = READABLE_SCALE / fit
  // The top of the tree, horizontally where its first (top) layer is.
  const top = view.nodes.filter((n) => n.y <= view.min.y + 1)
  const cx = top.length ? top.reduce((a, n) => a + n.x, 0) / top.length : (view.min.x + view.max.x) / 2
  const cy = view.min.y + (viewport.height / 2 - MARGIN.top) / READABLE_SCALE
  return { zoom, center: [cx, cy] as [number, number] }
}

export const nodeId = (contactId: number) => `c${contactId}`
export const slotNodeId = (slotId: number) => `slot${slotId}`
/** The contact id of a graph node id, or null for a placeholder. */
export function contactOf(id: string | undefined): number | null {
  if (!id || !id.startsWith('c')) return null
  const n = Number(id.slice(1))
  return Number.isFinite(n) ? n : null
}

/** The rich-text style of a support badge (ECharts style names allow [A-Za-z0-9_] only). */
export const badgeStyle = (support: number) => `badge${support < 0 ? 'm' : ''}${Math.abs(support)}`

/** The badge after a name: "+2 教练". */
export function supportBadge(support: number | null | undefined, words: MapWords): string {
  if (support === null || support === undefined) return ''
  return `${support > 0 ? '+' : ''}${support} ${words.support(support)}`
}

export interface GraphNode {
  id: string
  name: string
  x: number
  y: number
  symbol: string
  symbolSize: number
  draggable: boolean
  itemStyle: Record<string, unknown>
  label: Record<string, unknown>
  /** The contact (null for a placeholder or an edge's label). */
  contactId: number | null
  placeholder: boolean
  emphasis?: Record<string, unknown>
}

export interface GraphLink {
  source: string
  target: string
  kind: EdgeKind
  edgeId: number | null
  lineStyle: Record<string, unknown>
  label: Record<string, unknown>
  symbol: [string, string]
  symbolSize: number | [number, number]
}

export function graphNode(n: MapNode, words: MapWords, extras: BuildExtras = {}): GraphNode {
  const a = n.assessment
  const changed = extras.diff?.changed.some((d) => d.contact.id === n.contactId) ?? false
  const picked = extras.connectFrom === n.contactId
  const lines = [`{name|${n.isKeyPerson ? '★ ' : ''}${n.name}}`]
  if (n.title) lines.push(`{title|${n.title}}`)
  const role = a?.buyingRole ? words.role(a.buyingRole) : ''
  const badge = supportBadge(a?.support, words)
  if (role || badge) {
    const parts = []
    if (role) parts.push(`{role|${role}}`)
    if (badge) parts.push(`{${badgeStyle(a?.support ?? 0)}|${badge}}`)
    lines.push(parts.join(' '))
  } else {
    lines.push(`{muted|${words.notAssessed}}`)
  }
  return {
    id: nodeId(n.contactId),
    name: n.name,
    x: n.x,
    y: n.y,
    symbol: 'circle',
    symbolSize: nodeSize(a?.influence),
    draggable: !extras.diff,
    contactId: n.contactId,
    placeholder: false,
    itemStyle: {
      color: supportColor(a?.support),
      borderColor: picked ? '#1d39c4' : changed ? DIFF_BORDER : n.isKeyPerson ? KEY_BORDER : inkOf(extras).outline,
      borderWidth: picked ? 5 : changed ? 4 : n.isKeyPerson ? 3 : 1.5,
      shadowBlur: n.isKeyPerson ? 6 : 0,
      shadowColor: 'rgba(138,90,0,0.35)',
    },
    // Beside the node, not under it: the tree's lines leave a node downwards and would cross
    // a label below it.
    label: { show: true, position: 'right', distance: 6, formatter: lines.join('\n') },
  }
}

export function placeholderNode(s: MapSlot, words: MapWords): GraphNode | null {
  if (!s.placeholder || s.filledBy.length) return null
  return {
    id: slotNodeId(s.id),
    name: s.label || words.role(s.buyingRole),
    x: s.placeholder.x,
    y: s.placeholder.y,
    symbol: 'circle',
    symbolSize: 40,
    draggable: false,
    contactId: null,
    placeholder: true,
    itemStyle: { color: 'rgba(217,54,62,0.06)', borderColor: LIGHT_COLORS.red, borderType: 'dashed', borderWidth: 2 },
    label: {
      show: true,
      position: 'right',
      distance: 6,
      formatter: `{slot|${words.slot(s.label || words.role(s.buyingRole))}}`,
    },
  }
}

export function graphLink(e: MapEdge, words: MapWords, extras: BuildExtras = {}): GraphLink {
  const style = EDGE_STYLES[e.kind]
  const added =
    extras.diff?.addedEdges.some((d) => d.from.id === e.from && d.to.id === e.to && d.kind === e.kind) ?? false
  const text = e.kind === 'reports_to' ? '' : e.label ? `${words.edge(e.kind)}：${e.label}` : words.edge(e.kind)
  return {
    // Reports-to runs subordinate → boss; drawn boss → subordinate (the tree hangs down).
    source: nodeId(e.kind === 'reports_to' ? e.to : e.from),
    target: nodeId(e.kind === 'reports_to' ? e.from : e.to),
    kind: e.kind,
    edgeId: e.id,
    lineStyle: {
      color: added ? DIFF_BORDER : style.color,
      curveness: style.curveness,
      type: style.type,
      width: added ? style.width + 1.5 : style.width,
      opacity: 0.9,
    },
    label: {
      show: text !== '',
      formatter: text,
      color: style.color,
      fontSize: 11,
      backgroundColor: inkOf(extras).labelBg,
      padding: [1, 3],
      borderRadius: 3,
    },
    symbol: e.kind === 'influences' ? ['none', 'arrow'] : ['none', 'none'],
    symbolSize: 8,
  }
}

/** The map's text and outline colours on the light and on the dark page. */
const INK = {
  light: {
    name: '#1f2d3d',
    title: '#606266',
    role: '#1f4e8c',
    muted: '#a0a6b0',
    outline: '#ffffff',
    labelBg: 'rgba(255,255,255,0.85)',
  },
  dark: {
    name: '#e2e5ea',
    title: '#a3a9b3',
    role: '#8fb4ea',
    muted: '#7d8590',
    outline: '#1c1f25',
    labelBg: 'rgba(28,31,37,0.85)',
  },
}
type Ink = (typeof INK)['light']
/** The ink a map is drawn with: light for an export, else the page's. */
const inkOf = (extras: BuildExtras): Ink => (extras.dark && !extras.forExport ? INK.dark : INK.light)

const richStyles = (ink: Ink) => ({
  name: { fontSize: 13, fontWeight: 'bold', color: ink.name, lineHeight: 17 },
  title: { fontSize: 11, color: ink.title, lineHeight: 15 },
  role: { fontSize: 11, color: ink.role, lineHeight: 15 },
  muted: { fontSize: 11, color: ink.muted, lineHeight: 15 },
  slot: { fontSize: 12, color: LIGHT_COLORS.red, lineHeight: 16 },
  ...Object.fromEntries(
    Object.entries(SUPPORT_COLORS).map(([k, c]) => [
      badgeStyle(Number(k)),
      { fontSize: 11, color: '#fff', backgroundColor: c, borderRadius: 3, padding: [1, 4], lineHeight: 15 },
    ]),
  ),
})

/** Where ECharts draws the middle of a link curved by `curveness` from `a` to `b`. */
export function curveMiddle(
  a: { x: number; y: number },
  b: { x: number; y: number },
  curveness: number,
): [number, number] {
  // ECharts' control point is the chord's middle moved by curveness × (y2 − y1, x1 − x2);
  // a quadratic Bézier passes halfway to it at t = ½.
  return [(a.x + b.x) / 2 + (curveness * (b.y - a.y)) / 2, (a.y + b.y) / 2 + (curveness * (a.x - b.x)) / 2]
}

/**
 * The text of a typed edge as a label-only node at the middle of its curve, written level and
 * on the side the curve bows to. ECharts turns an edge's own label along the line (it resets
 * any rotation every frame), and along the tree's short vertical edges a turned label ran
 * over the names; this one stays readable and clear of the line.
 */
export function edgeLabelNode(l: GraphLink, a: { x: number; y: number }, b: { x: number; y: number }): GraphNode {
  const c = Number(l.lineStyle.curveness) || 0
  const [x, y] = curveMiddle(a, b, c)
  const [bx, by] = [c * (b.y - a.y), c * (a.x - b.x)]
  const side = Math.abs(bx) >= Math.abs(by) ? (bx >= 0 ? 'right' : 'left') : by >= 0 ? 'bottom' : 'top'
  return {
    id: `label:${l.source}:${l.target}:${l.kind}`,
    name: String(l.label.formatter),
    x,
    y,
    symbol: 'circle',
    symbolSize: 1,
    draggable: false,
    contactId: null,
    placeholder: false,
    itemStyle: { color: 'transparent', borderWidth: 0 },
    label: {
      ...l.label,
      show: true,
      position: side,
      distance: 2,
      align: side === 'right' ? 'left' : side === 'left' ? 'right' : 'center',
      verticalAlign: side === 'top' ? 'bottom' : side === 'bottom' ? 'top' : 'middle',
    },
    // Hovering a label must not dim the rest of the map (focus: adjacency).
    emphasis: { disabled: true },
  }
}

/** The whole chart option for one map. */
export function buildOption(view: MapView, words: MapWords, extras: BuildExtras = {}) {
  const nodes: GraphNode[] = view.nodes.map((n) => graphNode(n, words, extras))
  for (const s of view.slots) {
    const p = placeholderNode(s, words)
    if (p) nodes.push(p)
  }
  const ids = new Set(nodes.map((n) => n.id))
  const links = view.edges.map((e) => graphLink(e, words, extras)).filter((l) => ids.has(l.source) && ids.has(l.target))
  const large = isLargeMap(view)
  if (large) {
    for (const l of links) {
      l.lineStyle.type = 'solid'
      // Faint, so the tree and the names stay readable through them; hover brings a node's out.
      if (l.kind !== 'reports_to') Object.assign(l.lineStyle, { width: 1.2, opacity: 0.4 })
    }
  }
  const typed = links.filter((l) => l.kind !== 'reports_to').length
  const at = new Map(nodes.map((n) => [n.id, n]))
  for (const l of links) {
    if (!l.label.show) continue
    // Many edges: their labels show on hover only. Few: level labels beside the curve.
    if (typed <= EDGE_LABEL_LIMIT) nodes.push(edgeLabelNode(l, at.get(l.source)!, at.get(l.target)!))
    l.label.show = false
  }
  const start = extras.forExport ? null : initialView(view, extras.viewport, extras.fitAll)
  return {
    backgroundColor: extras.forExport ? '#ffffff' : 'transparent',
    // A large map appears at once (the entry animation of 150 nodes only delays using it).
    animation: !extras.forExport && !large,
    animationDurationUpdate: 300,
    tooltip: { show: false },
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: true,
        // Keep the core's geometry: without this the view stretches to the box (ovals).
        preserveAspect: true,
        // Node sizes stay in screen pixels (influence 1–5) whatever the zoom. Not 0: ECharts 6
        // reads `nodeScaleRatio || 1`, so 0 would mean "scale fully".
        nodeScaleRatio: 0.0001,
        // Zoom is relative to the fitted map: let a large map be zoomed in to 2 px per map px.
        scaleLimit: { min: 0.2, max: Math.max(4, 2 / (fitScale(view, extras.viewport) ?? 1)) },
        ...MARGIN,
        ...(start ? { zoom: start.zoom, center: start.center } : {}),
        nodes,
        links,
        edgeLabel: { show: true },
        // With level labels beside the curves an edge's own (turned) label stays hidden on hover too.
        emphasis: { focus: 'adjacency', lineStyle: { width: 3 }, edgeLabel: { show: typed > EDGE_LABEL_LIMIT } },
        label: { rich: richStyles(inkOf(extras)), lineHeight: 15, align: 'left' },
        labelLayout: { hideOverlap: large },
        lineStyle: { opacity: 0.9 },
      },
    ],
  }
}

/** The result of dropping a dragged node: onto another contact (set reports-to), or a move. */
export type DropResult =
  | { kind: 'reportsTo'; contactId: number; boss: number }
  | { kind: 'move'; contactId: number; x: number; y: number }
  | { kind: 'none' }

/**
 * What a drag from `down` to `up` (pointer positions in map coordinates) of `contactId` means.
 * `toPixel` turns map coordinates into screen pixels (the chart's zoom); a drop whose pointer is
 * within `hitRadius` pixels of another contact's centre sets reports-to; a move under 3 pixels
 * is a click.
 */
export function dropResult(
  view: MapView,
  contactId: number,
  down: [number, number],
  up: [number, number],
  toPixel: (p: [number, number]) => [number, number],
  hitRadius = 28,
): DropResult {
  const node = view.nodes.find((n) => n.contactId === contactId)
  if (!node) return { kind: 'none' }
  const [dx, dy] = [up[0] - down[0], up[1] - down[1]]
  const [pd, pu] = [toPixel(down), toPixel(up)]
  if (Math.hypot(pu[0] - pd[0], pu[1] - pd[1]) < 3) return { kind: 'none' }
  let best: { id: number; d: number } | null = null
  for (const other of view.nodes) {
    if (other.contactId === contactId) continue
    const p = toPixel([other.x, other.y])
    const d = Math.hypot(p[0] - pu[0], p[1] - pu[1])
    const r = Math.max(hitRadius, nodeSize(other.assessment?.influence) / 2 + 6)
    if (d <= r && (!best || d < best.d)) best = { id: other.contactId, d }
  }
  if (best) return { kind: 'reportsTo', contactId, boss: best.id }
  return { kind: 'move', contactId, x: Math.round(node.x + dx), y: Math.round(node.y + dy) }
}

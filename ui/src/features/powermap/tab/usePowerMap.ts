// The state and actions of the 权力地图 tab, shared by its shell (PowerMapTab.vue) and its parts
// (MapToolbar, MapGraph, MapHistory, MapDialogs, and the AssessmentPanel beside them). The map of
// one scope comes from the core with its positions; every write returns the scope's fresh map. The
// shell creates the state with usePowerMap; a part takes it with usePowerMapPart.
import { computed, inject, onBeforeUnmount, onMounted, provide, reactive, ref, shallowRef, watch } from 'vue'
import type { InjectionKey } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import { init, use } from 'echarts/core'
import { GraphChart } from 'echarts/charts'
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers'
import type VChart from 'vue-echarts'
import { api } from '../../../api'
import type {
  Assessment,
  BuyingRole,
  CoverageRow,
  EdgeKind,
  HistoryEntry,
  MapDiff,
  MapNode,
  MapView,
  SlotInput,
} from '../../../bindings'
import { announceSaved, today } from '../../../lib/exporting'
import { dataUrlBytes, lightChartPng, pickImageFile, writeImage, type ImageKind } from '../../../lib/imageExport'
import { buildOption, type DropResult } from '../options'
import { diffLines, mapErrorText, mapWords } from '../words'
import { recalled, remember, sameAnswer } from '../../../lib/rememberedAnswers'

// The map draws on a canvas and exports to SVG as well.
use([GraphChart, CanvasRenderer, SVGRenderer])

declare global {
  interface Window {
    /**
     * End-to-end hook: WebKitWebDriver cannot drive canvas drags reliably, so the E2E test
     * calls the same handlers a drag-drop or a 连线 click pair ends in. Vitest covers the drag
     * rule itself (`dropResult`).
     */
    __DOSSIER_E2E_PM__?: unknown
    /** Milliseconds from the tab asking for its map to the chart's first finished frame. */
    __DOSSIER_PM_READY_MS__?: number
  }
}

export interface PowerMapProps {
  customerId: number
  customerName: string
  version?: string
}

type PowerMap = ReturnType<typeof usePowerMap>
const POWER_MAP: InjectionKey<PowerMap> = Symbol('powerMap')

/** Creates the tab's state and hands it to the parts below it; `onChanged` tells the page a write happened. */
export function usePowerMap(props: PowerMapProps, onChanged: () => void) {
  const { t, locale } = useI18n()

  const scope = ref<number | null>(null)
  /** Remembered per customer and scope: opened again, the tab draws the map it had at once (and asks again). */
  const mapKey = () => `map|${props.customerId}|${scope.value}`
  const view = shallowRef<MapView | null>(recalled<MapView>(mapKey()))
  const busy = ref(false)
  const redraw = ref(0)
  const chartRef = ref<InstanceType<typeof VChart> | null>(null)
  const history = ref<HistoryEntry[]>([])
  const coverage = ref<CoverageRow[]>([])

  // As-of view: the map as it was at the end of `asOf`, read-only, with the diff to today.
  const asOf = ref<string>('')
  const pastView = shallowRef<MapView | null>(null)
  const diff = shallowRef<MapDiff | null>(null)
  const shown = computed(() => (asOf.value && pastView.value ? pastView.value : view.value))
  const readonly = computed(() => !!asOf.value)

  async function run<T>(p: Promise<T>): Promise<T | null> {
    busy.value = true
    try {
      return await p
    } catch (e) {
      ElMessage.error(mapErrorText(e))
      redraw.value++ // the map redraws as it was (a refused drag snaps back)
      return null
    } finally {
      busy.value = false
    }
  }

  async function refreshSide() {
    const [h, c] = await Promise.all([
      api.powerMapHistory(props.customerId, scope.value, 200),
      api.powerCoverage(props.customerId, scope.value),
    ])
    history.value = h
    coverage.value = c
  }

  async function load() {
    const key = mapKey()
    const v = await run(api.powerMap(props.customerId, scope.value))
    if (v && key === mapKey()) {
      remember(key, v)
      // The remembered map answered again unchanged: nothing to draw again.
      if (!sameAnswer(v, view.value)) view.value = v
    } else if (v) view.value = v
    if (!v || (!v.nodes.length && !v.slots.length)) drawn.value = true // no chart to wait for
    if (asOf.value) await loadAsOf()
    await refreshSide().catch((e) => ElMessage.error(mapErrorText(e)))
  }

  /** Every write returns the scope's fresh map. */
  async function write(p: Promise<MapView>): Promise<boolean> {
    const v = await run(p)
    if (!v) return false
    view.value = v
    scope.value = v.scopeId
    remember(mapKey(), v)
    redraw.value++
    onChanged()
    await refreshSide().catch(() => {})
    return true
  }

  // Time to interactive: from asking for the map to the chart's first finished render.
  const started = performance.now()
  let timed = false
  /** The timeline, coverage, side panel and dialogs wait for the map's first frame. */
  const drawn = ref(false)
  function onFinished() {
    if (!view.value) return
    drawn.value = true
    if (timed) return
    timed = true
    window.__DOSSIER_PM_READY_MS__ = Math.round(performance.now() - started)
  }

  // Asked for at once, not on mount: the tab's panels mount while the map is on its way.
  void load()
  watch(() => [props.customerId, props.version], load)
  watch(scope, (s, old) => {
    if (s !== old && view.value?.scopeId !== s) {
      selected.value = null
      fitAll.value = false
      load()
    }
  })

  // ---- the chart
  const words = computed(() => {
    void locale.value
    return mapWords()
  })
  const connectMode = ref(false)
  const fitAll = ref(false)
  const connectFrom = ref<number | null>(null)

  async function applyDrop(r: DropResult) {
    if (r.kind === 'reportsTo') {
      if (view.value?.nodes.find((n) => n.contactId === r.contactId)?.reportsTo === r.boss) {
        redraw.value++
        return
      }
      await write(api.setReportsTo(props.customerId, scope.value, r.contactId, r.boss))
    } else if (r.kind === 'move') {
      await write(api.savePowerPositions(props.customerId, scope.value, [{ contactId: r.contactId, x: r.x, y: r.y }]))
    }
  }

  // Click: the side panel, or in 连线 mode the two ends of a new edge.
  const selected = ref<number | null>(null)
  const panelOpen = ref(false)
  const selectedNode = computed<MapNode | null>(
    () => shown.value?.nodes.find((n) => n.contactId === selected.value) ?? null,
  )
  function clickNode(id: number) {
    if (connectMode.value && !readonly.value) {
      pickForEdge(id)
      return
    }
    selected.value = id
    panelOpen.value = true
  }

  const edgeDialog = reactive({ open: false, from: 0, to: 0, kind: 'influences' as EdgeKind, label: '' })
  function pickForEdge(id: number) {
    if (connectFrom.value === null) {
      connectFrom.value = id
      ElMessage.info(t('pm.connectPick', { name: view.value?.nodes.find((n) => n.contactId === id)?.name ?? '' }))
      return
    }
    if (connectFrom.value === id) {
      connectFrom.value = null
      return
    }
    Object.assign(edgeDialog, { open: true, from: connectFrom.value, to: id, kind: 'influences', label: '' })
  }
  async function addEdge() {
    const ok = await write(
      api.addPowerEdge(props.customerId, scope.value, {
        kind: edgeDialog.kind,
        from: edgeDialog.from,
        to: edgeDialog.to,
        label: edgeDialog.label.trim(),
      }),
    )
    edgeDialog.open = false
    connectFrom.value = null
    if (ok) connectMode.value = false
  }
  const nameOf = (id: number) => view.value?.nodes.find((n) => n.contactId === id)?.name ?? ''

  // ---- the side panel's edits
  async function saveAssessment(a: Assessment) {
    if (await write(api.saveAssessment(props.customerId, scope.value, a))) ElMessage.success(t('common.saved'))
  }
  async function removeAssessment() {
    const n = selectedNode.value
    if (!n) return
    try {
      await ElMessageBox.confirm(t('pm.panel.removeConfirm', { name: n.name }), { type: 'warning' })
    } catch {
      return
    }
    await write(api.removeAssessment(props.customerId, scope.value, n.contactId))
  }
  const setBoss = (boss: number | null) =>
    selected.value !== null && write(api.setReportsTo(props.customerId, scope.value, selected.value, boss))
  const setKeyPerson = (key: boolean) =>
    selected.value !== null && write(api.setKeyPerson(props.customerId, scope.value, selected.value, key))
  const removeEdge = (id: number) => write(api.removePowerEdge(props.customerId, scope.value, id))
  async function relabelEdge(id: number, label: string) {
    let value: string
    try {
      value =
        (
          (await ElMessageBox.prompt(t('pm.connectLabel'), t('pm.panel.relabel'), { inputValue: label })) as {
            value: string
          }
        ).value ?? ''
    } catch {
      return
    }
    await write(api.relabelPowerEdge(props.customerId, scope.value, id, value.trim()))
  }

  // Required slots (opened from the scope menu, edited in MapDialogs)
  const slotsOpen = ref(false)
  const slotRows = ref<SlotInput[]>([])
  function openSlots() {
    slotRows.value = (view.value?.slots ?? []).map((s) => ({ buyingRole: s.buyingRole, label: s.label }))
    slotsOpen.value = true
  }

  // Add a contact from the map (opened from the toolbar, filled in MapDialogs)
  const newContact = reactive({
    open: false,
    name: '',
    title: '',
    department: '',
    reportsTo: '' as number | '',
    role: '' as BuyingRole | '',
    support: '' as number | '',
  })
  function openNewContact() {
    Object.assign(newContact, { open: true, name: '', title: '', department: '', reportsTo: '', role: '', support: '' })
  }

  // As-of and diff
  async function loadAsOf() {
    if (!asOf.value) return
    const [p, d] = await Promise.all([
      run(api.powerMapAsOf(props.customerId, scope.value, asOf.value)),
      run(api.powerMapDiff(props.customerId, scope.value, asOf.value)),
    ])
    pastView.value = p
    diff.value = d
    redraw.value++
  }
  watch(asOf, (d) => {
    connectMode.value = false
    connectFrom.value = null
    if (d) loadAsOf()
    else {
      pastView.value = null
      diff.value = null
      redraw.value++
    }
  })
  const diffText = computed(() => (diff.value ? diffLines(diff.value) : []))

  // Export
  async function exportImage(kind: ImageKind) {
    const c = chartRef.value?.chart
    const v = shown.value
    if (!c || !v) return
    try {
      const file = await pickImageFile(
        `${props.customerName}-${t('pm.tab')}-${today()}`,
        kind,
        kind === 'png' ? t('pm.exportPng') : t('pm.exportSvg'),
      )
      if (!file) return
      // Drawn off-screen, light on white, whatever the page's theme.
      const option = buildOption(v, words.value, { forExport: true, diff: asOf.value ? diff.value : null })
      const [w, h] = [c.getWidth(), c.getHeight()]
      if (kind === 'png') {
        await writeImage(file, dataUrlBytes(lightChartPng(option, w, h, 2)))
      } else {
        // SVG needs an SVG-renderer instance.
        const svgChart = init(document.createElement('div'), null, { renderer: 'svg', ssr: true, width: w, height: h })
        svgChart.setOption(option)
        const svg = svgChart.renderToSVGString()
        svgChart.dispose()
        await writeImage(file, svg)
      }
      announceSaved(t('pm.exportSaved', { path: file.path }), file.path)
    } catch (e) {
      ElMessage.error(mapErrorText(e))
    }
  }

  // The E2E hook (see the comment on the Window declaration above).
  onMounted(() => {
    window.__DOSSIER_E2E_PM__ = {
      drop: (contactId: number, boss: number) => applyDrop({ kind: 'reportsTo', contactId, boss }),
      move: (contactId: number, x: number, y: number) => applyDrop({ kind: 'move', contactId, x, y }),
      connect: async (from: number, to: number, kind: EdgeKind, label = '') => {
        connectMode.value = true
        connectFrom.value = null
        pickForEdge(from)
        pickForEdge(to)
        edgeDialog.kind = kind
        edgeDialog.label = label
        await addEdge()
      },
      open: (contactId: number) => clickNode(contactId),
      view: () => view.value,
    }
  })
  onBeforeUnmount(() => {
    delete window.__DOSSIER_E2E_PM__
  })

  const powerMap = {
    props,
    view,
    scope,
    busy,
    redraw,
    chartRef,
    history,
    coverage,
    asOf,
    shown,
    readonly,
    diff,
    diffText,
    write,
    drawn,
    onFinished,
    words,
    connectMode,
    fitAll,
    connectFrom,
    applyDrop,
    selected,
    panelOpen,
    selectedNode,
    clickNode,
    edgeDialog,
    addEdge,
    nameOf,
    saveAssessment,
    removeAssessment,
    setBoss,
    setKeyPerson,
    removeEdge,
    relabelEdge,
    slotsOpen,
    slotRows,
    openSlots,
    newContact,
    openNewContact,
    exportImage,
  }
  provide(POWER_MAP, powerMap)
  return powerMap
}

/** The power map state of the tab around a part. */
export function usePowerMapPart(): PowerMap {
  const powerMap = inject(POWER_MAP)
  if (!powerMap) throw new Error('a power map part outside PowerMapTab.vue')
  return powerMap
}

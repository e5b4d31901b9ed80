import { ReactAdapterElement, type RenderHooks } from 'Frontend/generated/flow/ReactAdapter';
import React, { memo, useCallback, useEffect, useRef, useState } from 'react';
import {
  ReactFlow,
  ReactFlowProvider,
  Background,
  Controls,
  MiniMap,
  Handle,
  Position,
  applyNodeChanges,
  applyEdgeChanges,
  useReactFlow,
  type Node,
  type Edge,
  type NodeProps,
  type NodeChange,
  type EdgeChange,
  type Connection,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import dagre from '@dagrejs/dagre';

type Port = { name: string; label: string };
type RtData = {
  kind: string;
  title: string;
  summary: string;
  ports: Port[];
  hasInput: boolean;
  errors: number;
  warnings: number;
  problems: string;
  status?: string | null;
  step?: number | null;
  current: boolean;
};
type RtNode = Node<RtData, 'ringtree'>;
type PaletteItem = { kind: string; label: string; category: string; help: string };
type Send = (detail: { json: string }) => void;
type Reveal = { id: string; seq: number };

// Sizes used for nodes React Flow has not measured yet (hidden or not yet rendered).
const DEFAULT_WIDTH = 200;
const DEFAULT_HEIGHT = 90;

/**
 * Lays the flow out top to bottom with dagre: each node below the nodes that lead to it, siblings
 * side by side, so no two nodes overlap. Returns the new top-left corner of every node.
 */
function arrangeWithDagre(nodes: RtNode[], edges: Edge[]): { id: string; x: number; y: number }[] {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 50, ranksep: 80, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  const live = nodes.filter((n) => !n.id.startsWith('ghost:'));
  for (const n of live) {
    g.setNode(n.id, {
      width: n.measured?.width ?? DEFAULT_WIDTH,
      height: n.measured?.height ?? DEFAULT_HEIGHT,
    });
  }
  for (const e of edges) {
    if (g.hasNode(e.source) && g.hasNode(e.target) && e.source !== e.target) {
      g.setEdge(e.source, e.target);
    }
  }
  dagre.layout(g);
  return live.map((n) => {
    const p = g.node(n.id);
    const w = n.measured?.width ?? DEFAULT_WIDTH;
    const h = n.measured?.height ?? DEFAULT_HEIGHT;
    // dagre gives centres; React Flow positions are top-left corners
    return { id: n.id, x: Math.round(p.x - w / 2), y: Math.round(p.y - h / 2) };
  });
}

const CSS = `
flow-canvas { position: relative; }
.rt-shell { display: flex; width: 100%; height: 100%; font-family: var(--lumo-font-family, sans-serif); }
.rt-palette { width: 150px; flex: none; overflow-y: auto; padding: 6px; border-right: 1px solid #ddd; background: #fafafa; }
.rt-palette h4 { margin: 8px 0 4px; font-size: 11px; text-transform: uppercase; color: #777; }
.rt-palette-item { display: block; width: 100%; margin: 3px 0; padding: 6px 8px; border: 1px solid #c8d0dc; border-radius: 6px; background: #fff; cursor: grab; text-align: left; font-size: 13px; }
.rt-palette-item:hover { border-color: #1676f3; }
.rt-flow { flex: 1; height: 100%; }
.rt-node { min-width: 170px; max-width: 230px; border: 2px solid #9aa7b8; border-radius: 8px; background: #fff; font-size: 12px; padding: 6px 8px 4px; position: relative; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
.react-flow__node.selected .rt-node { border-color: #1676f3; box-shadow: 0 0 0 3px rgba(22,118,243,.25); }
.rt-node-title { font-weight: 600; font-size: 13px; }
.rt-node-id { color: #888; font-size: 10px; margin-left: 4px; font-weight: normal; }
.rt-node-summary { color: #444; margin: 2px 0 6px; word-break: break-word; }
.rt-kind-start { border-color: #2e7d32; }
.rt-kind-route { border-color: #8e44ad; }
.rt-kind-hangup { border-color: #555; }
.rt-has-errors { border-color: #d32f2f !important; background: #fff5f5; }
.rt-badge { position: absolute; top: -9px; right: -9px; background: #d32f2f; color: #fff; border-radius: 10px; padding: 0 6px; font-size: 11px; font-weight: 600; }
.rt-badge.rt-warn { background: #ef8f00; right: 16px; }
.rt-step { position: absolute; top: -10px; left: -10px; background: #1676f3; color: #fff; border-radius: 10px; padding: 0 6px; font-size: 11px; font-weight: 600; }
.rt-lit { border-color: #1676f3; background: #eef5ff; }
.rt-current { box-shadow: 0 0 0 4px rgba(22,118,243,.45); }
.rt-added { border-color: #2e7d32 !important; background: #effaf0; }
.rt-changed { border-color: #ef8f00 !important; background: #fff8ec; }
.rt-removed { border-color: #d32f2f !important; border-style: dashed !important; opacity: .65; background: #fff0f0; }
.rt-status { font-size: 10px; font-weight: 600; text-transform: uppercase; }
.rt-ports { display: flex; gap: 4px; justify-content: space-around; border-top: 1px solid #eee; padding-top: 3px; }
.rt-port { position: relative; font-size: 10px; color: #555; padding-bottom: 6px; text-align: center; flex: 1; }
.rt-port .react-flow__handle { bottom: -8px; top: auto; width: 9px; height: 9px; background: #1676f3; }
.react-flow__edge.rt-edge-walked path { stroke: #1676f3; stroke-width: 3; }
.react-flow__edge.rt-edge-added path { stroke: #2e7d32; stroke-width: 3; }
.react-flow__edge.rt-edge-removed path { stroke: #d32f2f; stroke-dasharray: 6 4; stroke-width: 2; }
`;

const RingtreeNode = memo(({ id, data }: NodeProps<RtNode>) => {
  const classes = ['rt-node', 'rt-kind-' + data.kind];
  if (data.errors > 0) classes.push('rt-has-errors');
  if (data.status) classes.push('rt-' + data.status);
  if (data.step) classes.push('rt-lit');
  if (data.current) classes.push('rt-current');
  return (
    <div className={classes.join(' ')} title={data.problems || undefined} data-kind={data.kind}>
      {data.hasInput && <Handle type="target" position={Position.Top} />}
      {data.errors > 0 && <span className="rt-badge" title={data.problems}>{data.errors}</span>}
      {data.errors === 0 && data.warnings > 0 && (
        <span className="rt-badge rt-warn" title={data.problems}>{data.warnings}</span>
      )}
      {data.step ? <span className="rt-step">{data.step}</span> : null}
      <div className="rt-node-title">
        {data.title}
        <span className="rt-node-id">{id.replace(/^ghost:/, '')}</span>
      </div>
      {data.status && <div className="rt-status">{data.status}</div>}
      <div className="rt-node-summary">{data.summary}</div>
      {data.ports.length > 0 && (
        <div className="rt-ports">
          {data.ports.map((p) => (
            <div className="rt-port" key={p.name} data-port={p.name}>
              {p.label}
              <Handle type="source" position={Position.Bottom} id={p.name} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
});

const nodeTypes = { ringtree: RingtreeNode };

type CanvasProps = {
  nodes: RtNode[];
  edges: Edge[];
  palette: PaletteItem[];
  fit: number;
  arrange: number;
  reveal: Reveal | null;
  unsaved: boolean;
  add: Send;
  arranged: Send;
  move: Send;
  connect: Send;
  remove: Send;
  select: Send;
};

function Canvas(props: CanvasProps) {
  const rf = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const [nodes, setNodes] = useState<RtNode[]>(props.nodes);
  const [edges, setEdges] = useState<Edge[]>(props.edges);
  const lastSelection = useRef<string>('');
  const lastArrange = useRef<number>(props.arrange);
  const lastReveal = useRef<number>(props.reveal?.seq ?? 0);

  useEffect(() => setNodes(props.nodes), [props.nodes]);
  useEffect(() => setEdges(props.edges), [props.edges]);
  useEffect(() => {
    if (props.fit > 0) {
      // after the new nodes are measured
      setTimeout(() => rf.fitView({ padding: 0.2, duration: 200 }), 50);
    }
  }, [props.fit]);
  useEffect(() => {
    if (props.arrange > lastArrange.current) {
      lastArrange.current = props.arrange;
      // measured sizes come from the rendered nodes, so wait for the current ones to paint
      setTimeout(() => {
        const positions = arrangeWithDagre(rf.getNodes() as RtNode[], rf.getEdges());
        props.arranged({ json: JSON.stringify(positions) });
      }, 50);
    }
  }, [props.arrange]);
  useEffect(() => {
    const r = props.reveal;
    if (r && r.seq > lastReveal.current) {
      lastReveal.current = r.seq;
      // after the new node is rendered and measured: pan to it only when it is out of sight
      setTimeout(() => {
        const n = rf.getNode(r.id);
        const box = wrapper.current?.getBoundingClientRect();
        if (!n || !box) return;
        const w = n.measured?.width ?? DEFAULT_WIDTH;
        const h = n.measured?.height ?? DEFAULT_HEIGHT;
        const topLeft = rf.flowToScreenPosition({ x: n.position.x, y: n.position.y });
        const bottomRight = rf.flowToScreenPosition({ x: n.position.x + w, y: n.position.y + h });
        const inside =
          topLeft.x >= box.left &&
          topLeft.y >= box.top &&
          bottomRight.x <= box.right &&
          bottomRight.y <= box.bottom;
        if (!inside) {
          rf.setCenter(n.position.x + w / 2, n.position.y + h / 2, {
            zoom: rf.getZoom(),
            duration: 200,
          });
        }
      }, 80);
    }
  }, [props.reveal]);
  useEffect(() => {
    // the browser's own "leave site?" prompt while there are unsaved changes (reload, close tab)
    if (!props.unsaved) return undefined;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [props.unsaved]);

  const onNodesChange = useCallback(
    (changes: NodeChange<RtNode>[]) => setNodes((ns) => applyNodeChanges(changes, ns)),
    [],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => setEdges((es) => applyEdgeChanges(changes, es)),
    [],
  );
  const onConnect = useCallback(
    (c: Connection) =>
      props.connect({
        json: JSON.stringify({ source: c.source, sourceHandle: c.sourceHandle, target: c.target }),
      }),
    [props.connect],
  );
  const onNodeDragStop = useCallback(
    (_e: unknown, _node: RtNode, dragged: RtNode[]) =>
      props.move({
        json: JSON.stringify(
          dragged
            .filter((n) => !n.id.startsWith('ghost:'))
            .map((n) => ({ id: n.id, x: Math.round(n.position.x), y: Math.round(n.position.y) })),
        ),
      }),
    [props.move],
  );
  const onDelete = useCallback(
    ({ nodes: ns, edges: es }: { nodes: RtNode[]; edges: Edge[] }) =>
      props.remove({
        json: JSON.stringify({
          nodes: ns.map((n) => n.id).filter((id) => !id.startsWith('ghost:')),
          edges: es.map((e) => e.id).filter((id) => !id.startsWith('ghost:')),
        }),
      }),
    [props.remove],
  );
  const onSelectionChange = useCallback(
    ({ nodes: ns }: OnSelectionChangeParams) => {
      const ids = ns.map((n) => n.id).filter((id) => !id.startsWith('ghost:'));
      const key = ids.slice().sort().join('|');
      if (key !== lastSelection.current) {
        lastSelection.current = key;
        props.select({ json: JSON.stringify(ids) });
      }
    },
    [props.select],
  );

  const addAt = (kind: string, clientX: number, clientY: number) => {
    const p = rf.screenToFlowPosition({ x: clientX, y: clientY });
    props.add({ json: JSON.stringify({ kind, x: Math.round(p.x), y: Math.round(p.y) }) });
  };
  const addInView = (kind: string) => {
    const r = wrapper.current!.getBoundingClientRect();
    addAt(kind, r.left + r.width / 2 - 90, r.top + r.height / 3);
  };
  const onDragOver = (e: React.DragEvent) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
  };
  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    const kind = e.dataTransfer.getData('application/ringtree-kind');
    if (kind) addAt(kind, e.clientX, e.clientY);
  };

  const categories = Array.from(new Set(props.palette.map((p) => p.category)));
  return (
    <div className="rt-shell">
      <style>{CSS}</style>
      <div className="rt-palette" role="toolbar" aria-label="Node palette">
        {categories.map((c) => (
          <div key={c}>
            <h4>{c}</h4>
            {props.palette
              .filter((p) => p.category === c)
              .map((p) => (
                <button
                  type="button"
                  key={p.kind}
                  className="rt-palette-item"
                  data-kind={p.kind}
                  title={p.help + ' Drag onto the canvas, or click to add.'}
                  draggable
                  onDragStart={(e) => {
                    e.dataTransfer.setData('application/ringtree-kind', p.kind);
                    e.dataTransfer.effectAllowed = 'move';
                  }}
                  onClick={() => addInView(p.kind)}
                >
                  {p.label}
                </button>
              ))}
          </div>
        ))}
      </div>
      <div className="rt-flow" ref={wrapper} onDragOver={onDragOver} onDrop={onDrop}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onNodeDragStop={onNodeDragStop}
          onDelete={onDelete}
          onSelectionChange={onSelectionChange}
          deleteKeyCode={['Backspace', 'Delete']}
          multiSelectionKeyCode={['Shift', 'Control', 'Meta']}
          selectionKeyCode="Shift"
          onlyRenderVisibleElements={nodes.length > 150}
          minZoom={0.1}
          fitView
        >
          <Background />
          <Controls />
          <MiniMap pannable zoomable />
        </ReactFlow>
      </div>
    </div>
  );
}

class FlowCanvasElement extends ReactAdapterElement {
  protected override render(hooks: RenderHooks) {
    const [nodes] = hooks.useState<RtNode[]>('nodes');
    const [edges] = hooks.useState<Edge[]>('edges');
    const [palette] = hooks.useState<PaletteItem[]>('palette');
    const [fit] = hooks.useState<number>('fit');
    const [arrange] = hooks.useState<number>('arrange');
    const [reveal] = hooks.useState<Reveal | null>('reveal');
    const [unsaved] = hooks.useState<boolean>('unsaved');
    const add = hooks.useCustomEvent<{ json: string }>('canvas-add');
    const arranged = hooks.useCustomEvent<{ json: string }>('canvas-arranged');
    const move = hooks.useCustomEvent<{ json: string }>('canvas-move');
    const connect = hooks.useCustomEvent<{ json: string }>('canvas-connect');
    const remove = hooks.useCustomEvent<{ json: string }>('canvas-delete');
    const select = hooks.useCustomEvent<{ json: string }>('canvas-select');
    return (
      <ReactFlowProvider>
        <Canvas
          nodes={nodes ?? []}
          edges={edges ?? []}
          palette={palette ?? []}
          fit={fit ?? 0}
          arrange={arrange ?? 0}
          reveal={reveal ?? null}
          unsaved={unsaved ?? false}
          add={add}
          arranged={arranged}
          move={move}
          connect={connect}
          remove={remove}
          select={select}
        />
      </ReactFlowProvider>
    );
  }
}

customElements.define('flow-canvas', FlowCanvasElement);

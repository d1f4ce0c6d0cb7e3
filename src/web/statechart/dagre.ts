/**
 * The part of @dagrejs/dagre 3 the statechart uses, typed here: the package's own declarations do not resolve
 * under `moduleResolution: nodenext` (its ESM .d.ts files import relative paths without extensions), so every
 * value from it would be an unresolved type. Same runtime module; only the types are ours.
 */
import * as dagre from '@dagrejs/dagre';

export interface Point {
  x: number;
  y: number;
}

export interface LaidNode {
  width: number;
  height: number;
  x: number;
  y: number;
}

export interface EdgeLabel {
  width: number;
  height: number;
  minlen?: number;
  weight?: number;
  labelpos?: 'l' | 'c' | 'r';
  /** After layout: the route, and the centre of the label. */
  points?: Point[];
  x?: number;
  y?: number;
  [key: string]: unknown;
}

export interface LayoutGraph {
  setGraph(label: {
    rankdir?: 'TB' | 'BT' | 'LR' | 'RL';
    nodesep?: number;
    ranksep?: number;
    edgesep?: number;
    marginx?: number;
    marginy?: number;
  }): LayoutGraph;
  graph(): { width?: number; height?: number };
  setNode(name: string, label: { width: number; height: number }): LayoutGraph;
  node(name: string): LaidNode;
  setEdge(v: string, w: string, label: EdgeLabel, name: string): LayoutGraph;
  edges(): { v: string; w: string; name?: string }[];
  edge(e: { v: string; w: string; name?: string }): EdgeLabel;
}

const api = dagre as unknown as {
  graphlib: { Graph: new (options: { multigraph?: boolean }) => LayoutGraph };
  layout(graph: LayoutGraph): void;
};

/** A new graph whose edges are named (several arrows may join the same two states). */
export const newGraph = (): LayoutGraph => new api.graphlib.Graph({ multigraph: true });
/** dagre's layered layout: sets x/y of nodes, points and x/y of edges. */
export const layoutGraph = (graph: LayoutGraph): void => api.layout(graph);

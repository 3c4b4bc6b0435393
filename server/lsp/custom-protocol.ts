// The custom requests between the client and the server: method names, parameters and results, defined once.
// The client imports this file and nothing else from server/ (a layering test keeps it so); it imports nothing itself.

/** `greenml/summary`: the footprint of every run the document defines or links to, for the status bar item. */
export const SUMMARY_REQUEST = 'greenml/summary';

export interface SummaryParams {
  uri: string;
}

export interface SummaryResult {
  runs: { label: string; title: string; kWh: number; kgCO2e: number }[];
  findings: number;
}

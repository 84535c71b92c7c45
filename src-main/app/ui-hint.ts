// A push only the Electron host sends: "show this view (and this instance)" when the user clicks a
// notification or picks Run Audit in the tray menu. Defined in the contract (fleet-contract.ts).
export type { UiHintView } from '../shared/fleet-contract.ts';

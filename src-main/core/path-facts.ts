// The filesystem facts a lint needs, asked through a function so the rules stay pure and testable.
export interface PathFacts {
  exists: boolean;
  isFile: boolean;
  isDirectory: boolean;
  executable: boolean;
}

export type PathInspector = (path: string) => PathFacts;

export const MISSING_PATH: PathFacts = {
  exists: false,
  isFile: false,
  isDirectory: false,
  executable: false,
};

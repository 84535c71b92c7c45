// Event emitting as Electron's classes do it, for the fakes of test/fakes/electron.ts.

export type Listener = (...args: never[]) => unknown;

/** Electron's Event: `preventDefault` plus whatever the event carries. */
export function fakeEvent<P extends object>(
  params: P = {} as P,
): P & { preventDefault(): void; defaultPrevented: boolean } {
  const event = {
    ...params,
    defaultPrevented: false,
    preventDefault: () => void (event.defaultPrevented = true),
  };
  return event;
}

export class FakeEmitter {
  readonly #listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const once = (...args: never[]) => {
      this.off(event, once);
      return listener(...args);
    };
    return this.on(event, once);
  }

  off(event: string, listener: Listener): this {
    this.#listeners.set(
      event,
      (this.#listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }

  /** Calls the listeners as Electron would; returns how many there were. */
  emit(event: string, ...args: unknown[]): number {
    const listeners = [...(this.#listeners.get(event) ?? [])];
    for (const l of listeners) (l as (...a: unknown[]) => unknown)(...args);
    return listeners.length;
  }

  listenerCount(event: string): number {
    return this.#listeners.get(event)?.length ?? 0;
  }
}

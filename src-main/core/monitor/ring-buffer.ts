// A bounded history: the newest `capacity` items, oldest first. Memory stays flat however long the
// app runs.
export class RingBuffer<T> {
  readonly #items: T[] = [];
  readonly #capacity: number;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.#capacity = capacity;
  }

  push(item: T): void {
    this.#items.push(item);
    if (this.#items.length > this.#capacity) this.#items.shift();
  }

  toArray(): T[] {
    return [...this.#items];
  }

  get size(): number {
    return this.#items.length;
  }
}

/** A clock that moves only when a test says so, for lifetimes without real waiting. */
export function manualClock(start = Date.now()) {
  let time = start;
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

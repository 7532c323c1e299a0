// The vote counts waiting for a tick's message, per session. Counts come from this
// instance's commits and from the other instances' messages, which can arrive in any
// order: each count carries its version (QaQuestion.voteVersion, moved by every stored
// change under the question's row lock, so in commit order), and an older count never
// replaces a newer one, whether the newer one is still waiting or already went out.

export interface CountBoard {
  /** A question's count at `version`; ignored when a newer one was marked before. */
  mark(sessionId: number, questionId: number, voteCount: number, version: number): void;
  /** The counts marked since the last call, per session ([questionId, count] pairs); empties the board. */
  take(): Map<number, [number, number][]>;
}

/**
 * `remembered`: how many questions' newest versions are kept. Past it they are forgotten
 * all at once; only a message overtaken within those same moments could then be taken
 * out of order (and the next change of that count puts it right).
 */
export function createCountBoard(remembered = 100_000): CountBoard {
  const versions = new Map<number, number>();
  let waiting = new Map<number, Map<number, number>>();
  return {
    mark(sessionId, questionId, voteCount, version) {
      if ((versions.get(questionId) ?? -Infinity) > version) return;
      if (versions.size >= remembered && !versions.has(questionId)) versions.clear();
      versions.set(questionId, version);
      let counts = waiting.get(sessionId);
      if (!counts) waiting.set(sessionId, (counts = new Map()));
      counts.set(questionId, voteCount);
    },
    take() {
      const out = new Map([...waiting].map(([sessionId, counts]) => [sessionId, [...counts]]));
      waiting = new Map();
      return out;
    },
  };
}

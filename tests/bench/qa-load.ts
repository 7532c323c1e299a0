// The live Q&A benchmark's load, shared by bench:qa (one instance against a bare server)
// and bench:cluster (one instance against three behind nginx): one busy room of a
// Dursa Vaganza. Each option can still be given on the command line.
export const QA_LOAD = {
  participants: 2000,
  /** the questions the load votes are spread over (the probes have questions of their own) */
  questions: 20,
  /** load votes per second, over those questions */
  votesPerSecond: 1000,
  /** timestamped probe votes per second, each by a distinct participant */
  probesPerSecond: 20,
};

import { describe, expect, it } from "vitest";
import { createCountBoard } from "./count-board";

describe("count board", () => {
  it("keeps the newest count of a question whatever order the counts arrive in", () => {
    const board = createCountBoard();
    board.mark(1, 10, 6, 6);
    board.mark(1, 10, 5, 5); // an instance's older count, overtaken on the way
    board.mark(1, 11, 2, 2);
    board.mark(2, 20, 1, 1);
    expect(board.take()).toEqual(
      new Map([
        [
          1,
          [
            [10, 6],
            [11, 2],
          ],
        ],
        [2, [[20, 1]]],
      ]),
    );
  });

  it("empties on take, and an older count arriving after the newer one went out is not sent", () => {
    const board = createCountBoard();
    board.mark(1, 10, 6, 6);
    board.take();
    board.mark(1, 10, 5, 5);
    expect(board.take()).toEqual(new Map());
    board.mark(1, 10, 4, 7); // a newer count may be lower (votes taken back)
    expect(board.take()).toEqual(new Map([[1, [[10, 4]]]]));
  });

  it("takes the same version again (an instance's own commit and its report of it)", () => {
    const board = createCountBoard();
    board.mark(1, 10, 3, 3);
    board.mark(1, 10, 3, 3);
    expect(board.take()).toEqual(new Map([[1, [[10, 3]]]]));
  });

  it("forgets the versions past its size, and goes on taking counts", () => {
    const board = createCountBoard(2);
    board.mark(1, 10, 5, 5);
    board.mark(1, 11, 5, 5);
    board.mark(1, 12, 1, 1); // third question: the remembered versions are forgotten
    board.mark(1, 10, 4, 4);
    expect(board.take()).toEqual(
      new Map([
        [
          1,
          [
            [10, 4],
            [11, 5],
            [12, 1],
          ],
        ],
      ]),
    );
  });
});

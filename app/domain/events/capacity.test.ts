import { describe, expect, it } from "vitest";
import { seatsLeft, statusForNewRsvp, toPromote, waitlistPosition } from "./capacity";

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 0, minutes));

describe("capacity", () => {
  it("counts seats left, never below zero, and none without a limit", () => {
    expect(seatsLeft(40, 0)).toBe(40);
    expect(seatsLeft(40, 39)).toBe(1);
    expect(seatsLeft(40, 40)).toBe(0);
    expect(seatsLeft(10, 12)).toBe(0); // capacity lowered after registrations
    expect(seatsLeft(null, 500)).toBeNull();
  });

  it("confirms while a seat is free, then waitlists", () => {
    expect(statusForNewRsvp(2, 0)).toBe("confirmed");
    expect(statusForNewRsvp(2, 1)).toBe("confirmed");
    expect(statusForNewRsvp(2, 2)).toBe("waitlisted");
    expect(statusForNewRsvp(2, 3)).toBe("waitlisted");
    expect(statusForNewRsvp(null, 1000)).toBe("confirmed");
  });
});

describe("waitlist", () => {
  const waitlist = [
    { id: 7, createdAt: at(30) },
    { id: 3, createdAt: at(10) },
    { id: 5, createdAt: at(10) },
    { id: 9, createdAt: at(20) },
  ];

  it("promotes the earliest first (ties by id), as many as seats are free", () => {
    expect(toPromote(10, 9, waitlist).map((r) => r.id)).toEqual([3]);
    expect(toPromote(10, 7, waitlist).map((r) => r.id)).toEqual([3, 5, 9]);
    expect(toPromote(10, 10, waitlist)).toEqual([]);
    expect(toPromote(5, 8, waitlist)).toEqual([]);
  });

  it("promotes everyone when the limit is removed", () => {
    expect(toPromote(null, 100, waitlist).map((r) => r.id)).toEqual([3, 5, 9, 7]);
  });

  it("gives each person their place in line", () => {
    expect(waitlistPosition(waitlist, 3)).toBe(1);
    expect(waitlistPosition(waitlist, 5)).toBe(2);
    expect(waitlistPosition(waitlist, 7)).toBe(4);
    expect(waitlistPosition(waitlist, 99)).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { parseKudosCommand } from "../../../src/platforms/slack/listeners/commands/kudos-text.ts";

function give(text: string, names = new Map<string, string>()) {
  const parsed = parseKudosCommand(text);
  if (parsed.kind !== "give") throw new Error(`expected kudos, got ${parsed.kind}`);
  return { ...parsed, text: parsed.message(names) };
}

describe("reading /kudos text", () => {
  it("when people are mentioned first, they are the recipients and the rest is the message with its value", () => {
    const parsed = give("<@U1|alice> <@U2|bob>, thanks for the demo #teamwork");
    expect(parsed.recipientUserIds).toEqual(["U1", "U2"]);
    expect(parsed.text).toBe("thanks for the demo #teamwork");
    expect(parsed.value).toBe("teamwork");
  });

  it("when a mention sits inside the sentence, that person is a recipient and is named in the text", () => {
    const parsed = give(
      "thanks <@U1> for the fix, see <https://ci.example.com|the build> in <#C9|eng>",
      new Map([["U1", "Alice Adams"]]),
    );
    expect(parsed.recipientUserIds).toEqual(["U1"]);
    expect(parsed.text).toBe("thanks @Alice Adams for the fix, see the build (https://ci.example.com) in #eng");
    expect(parsed.value).toBeNull();
  });

  it("when the text is empty, a word or unmentioned names, it opens the form, the leaderboard or help", () => {
    expect(parseKudosCommand("  ").kind).toBe("open-modal");
    expect(parseKudosCommand("Leaderboard").kind).toBe("leaderboard");
    expect(parseKudosCommand("help").kind).toBe("help");
    expect(parseKudosCommand("@alice thanks")).toMatchObject({
      kind: "help",
      problem: expect.stringMatching(/Mention the people/),
    });
  });
});

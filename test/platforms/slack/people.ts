// The people of the Slack tests, registered in the fake Slack's directory.
import type { FakeSlack, FakeSlackUser } from "../../support/fake-slack.ts";

export const grace: FakeSlackUser = {
  id: "UGRACE",
  name: "Grace Hopper",
  email: "grace@example.com",
  tz: "America/Los_Angeles",
};
export const alice: FakeSlackUser = {
  id: "UALICE",
  name: "Alice Adams",
  email: "alice@example.com",
  tz: "Europe/Berlin",
};
export const bob: FakeSlackUser = { id: "UBOB", name: "Bob Brown", email: "bob@example.com", tz: "Europe/London" };
export const botty: FakeSlackUser = { id: "UBOTTY", name: "Botty", email: null, isBot: true };
export const gone: FakeSlackUser = { id: "UGONE", name: "Gone Person", email: "gone@example.com", deleted: true };

export function addPeople(fake: FakeSlack): void {
  for (const user of [grace, alice, bob, botty, gone]) fake.addUser(user);
}

export const mention = (user: FakeSlackUser) => `<@${user.id}|${user.name.split(" ")[0].toLowerCase()}>`;

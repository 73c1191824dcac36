// The bot scopes an OAuth install asks for: the same list as manifests/slack.yaml (oauth_config.scopes.bot).
export const SLACK_BOT_SCOPES = [
  "commands",
  "chat:write",
  "chat:write.public",
  "channels:join",
  "im:write",
  "im:history",
  "channels:history",
  "groups:history",
  "users:read",
  "users:read.email",
  "channels:read",
  "groups:read",
];

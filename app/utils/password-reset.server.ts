// What the password-reset pages hand the domain from the load context.
import type { AppServices } from "~/context";
import type { ResetDeps } from "~/domain/accounts/password-reset.server";

export function resetDeps(context: AppServices): ResetDeps {
  return { secret: context.config.sessionSecret, limits: context.resetLimits, lockout: context.loginThrottle };
}

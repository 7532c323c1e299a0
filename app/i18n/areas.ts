// Messages of the product areas, merged into the core dictionaries by index.ts.
// Add an area: create app/i18n/<area>.ts with
//   import { defineMessages } from "./define";
//   export const messages = defineMessages({ id: { "area.key": "…" }, en: { "area.key": "…" } });
// then spread it into both objects below. Keys are prefixed with the area ("events.", …).
export { defineMessages } from "./define";
import { messages as discussionsMessages } from "./discussions";
import { messages as qaMessages } from "./qa";
import { messages as pollsMessages } from "./polls";
import { messages as eventsMessages } from "./events";
import { messages as aspirationsMessages } from "./aspirations";

import { messages as agendaMessages } from "./agenda";
import { messages as servicesMessages } from "./services";
import { messages as satisfactionMessages } from "./satisfaction";
import { messages as jobsMessages } from "./jobs";
import { messages as channelsMessages } from "./channels";
import { messages as queueMessages } from "./queue";
import { messages as accountsMessages } from "./accounts";

export const areaId = {
  ...eventsMessages.id,
  ...agendaMessages.id,
  ...aspirationsMessages.id,
  ...discussionsMessages.id,
  ...qaMessages.id,
  ...pollsMessages.id,
  ...satisfactionMessages.id,
  ...jobsMessages.id,
  ...channelsMessages.id,
  ...servicesMessages.id,
  ...queueMessages.id,
  ...accountsMessages.id,
};
export const areaEn: Record<keyof typeof areaId, string> = {
  ...eventsMessages.en,
  ...agendaMessages.en,
  ...aspirationsMessages.en,
  ...discussionsMessages.en,
  ...qaMessages.en,
  ...pollsMessages.en,
  ...satisfactionMessages.en,
  ...jobsMessages.en,
  ...channelsMessages.en,
  ...servicesMessages.en,
  ...queueMessages.en,
  ...accountsMessages.en,
};

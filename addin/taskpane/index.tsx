/** Task pane entry point inside Office: wait for Office, build the services, render the App. */
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { officeServices } from "./office-services.ts";

void Office.onReady(() => {
  const container = document.getElementById("root");
  if (container === null) return;
  createRoot(container).render(<App services={officeServices()} />);
});

// Pulumi mocks that also record each registration's options (retainOnDelete, deleteBeforeReplace,
// parent), which MockResourceArgs leaves out: the mock monitor's registerResource is wrapped to
// read them from the request before the mocks see it.
import * as pulumi from "@pulumi/pulumi";

export interface Registered {
  type: string;
  name: string;
  urn: string;
  inputs: Record<string, unknown>;
  retainOnDelete: boolean;
  deleteBeforeReplace: boolean;
  parent: string;
}

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getRetainondelete(): boolean | undefined;
  getDeletebeforereplace(): boolean;
}

export interface MockSession {
  registered: Registered[];
  reset(): void;
}

let session: MockSession | undefined;

export async function installMocks(stack = "test"): Promise<MockSession> {
  if (session) return session;
  const registered: Registered[] = [];
  const options = new Map<string, { retainOnDelete: boolean; deleteBeforeReplace: boolean; parent: string }>();
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        const o = options.get(`${args.type}::${args.name}`)!;
        const parentType = o.parent ? o.parent.split("::")[2]!.concat("$") : "";
        registered.push({
          type: args.type,
          name: args.name,
          urn: `urn:pulumi:${stack}::subdomain-gitops::${parentType}${args.type}::${args.name}`,
          inputs: args.inputs,
          ...o,
        });
        return { id: `${args.name}_id`, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    "subdomain-gitops",
    stack,
    false,
  );
  const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource(req: RegisterRequest, cb: unknown): unknown };
  const original = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, cb) => {
    options.set(`${req.getType()}::${req.getName()}`, {
      retainOnDelete: req.getRetainondelete() === true,
      deleteBeforeReplace: req.getDeletebeforereplace(),
      parent: req.getParent(),
    });
    return original(req, cb);
  };
  session = { registered, reset: () => void registered.splice(0) };
  return session;
}

/** Resolves when every resource has been registered with the (mock) engine. */
export function settled(resources: readonly pulumi.Resource[]): Promise<unknown> {
  return Promise.all(resources.map((r) => new Promise((resolve) => r.urn.apply(resolve))));
}

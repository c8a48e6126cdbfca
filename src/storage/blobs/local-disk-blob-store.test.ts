import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { runBlobStoreContract } from "./blob-store.case.test.ts";
import { LocalDiskBlobStore } from "./local-disk-blob-store.ts";

runBlobStoreContract("LocalDiskBlobStore", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "quire-blobs-"));
  return new LocalDiskBlobStore(root);
});

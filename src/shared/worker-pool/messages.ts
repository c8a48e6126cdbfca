/**
 * What crosses the thread boundary between a WorkerPool and its workers: a task (an id and a payload of
 * plain, cloneable data) and the reply for that id, the result or the error's name and message.
 */
export interface TaskMessage<Payload> {
  readonly taskId: number;
  readonly payload: Payload;
}

export interface ReplyError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
}

export type ReplyMessage<Result> =
  | { readonly taskId: number; readonly ok: true; readonly result: Result }
  | { readonly taskId: number; readonly ok: false; readonly error: ReplyError };

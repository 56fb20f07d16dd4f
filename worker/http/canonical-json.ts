// JSON with object keys sorted at every level: the same body always gives the same digest, whatever
// order the client wrote its keys in. One definition in shared/ (template definitions use it too).
export { canonicalJson } from "../../shared/template/stored.ts";

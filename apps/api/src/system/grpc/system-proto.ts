type SystemProto = typeof import('@zitadel/proto/zitadel/system_pb');

/**
 * @zitadel/proto's CommonJS build lies in a `"type": "module"` package, so Node's own `require` runs it as an ES
 * module and cannot resolve its relative requires (jest's loader does not mind). Node (^20.19, >= 22.12) can
 * `require` the ES build instead; its descriptors are plain data that the CommonJS @bufbuild/protobuf reads alike.
 */
function loadSystemProto(): SystemProto {
  const commonJsPath = require.resolve('@zitadel/proto/zitadel/system_pb');
  try {
    return require(commonJsPath) as SystemProto;
  } catch {
    return require(commonJsPath.replace(/([\\/])cjs([\\/])/, '$1es$2')) as SystemProto;
  }
}

export const systemProto = loadSystemProto();

# Sourced by scripts/demo.sh and scripts/bench-sync.sh: defines `rule_sync ARGS...`, which runs the command line
# from target/rule-sync.jar the fast way (docs/sync.md, "Performance").
#
# Why: a command runs for a second or two, so JVM start-up, class loading and JIT are most of its cost (about 7,800
# classes). A class-data-sharing (CDS) archive removes most of the loading, but the JVM can only archive classes
# loaded from plain jars on the class path, not from the jars nested in Spring Boot's executable jar: with
# `java -jar target/rule-sync.jar` only the JDK's classes (~1,400 of ~8,100) came from the archive. So the jar is
# extracted once (Spring Boot's own `-Djarmode=tools extract`: a thin jar plus lib/, re-done when the jar is newer)
# and run from there. Each command (lint, plan, sync) gets its own cache, written by its first run, since each
# loads different classes (lint never touches the HTTP client):
#   RULE_SYNC_CACHE=aot  (default on JDK 25+) an AOT cache (JEP 483/514: classes loaded and linked ahead of time,
#                        lambda and method-handle classes included); the first run of a command trains it and is
#                        several seconds slower; measured 0.2 s less CPU per run than the CDS archive
#   RULE_SYNC_CACHE=cds  (default before JDK 25) a dynamic CDS archive (-XX:+AutoCreateSharedArchive)
#   RULE_SYNC_CACHE=none neither
# C1 alone (-XX:TieredStopAtLevel=1) and the serial GC cut the CPU of such a short run further (C2 costs more than
# it saves here). RULESYNC_JAVA_OPTS replaces all JVM flags; everything works without them, only slower.
RULE_SYNC_JAR=${RULE_SYNC_JAR:-target/rule-sync.jar}
RULE_SYNC_EXTRACTED=${RULE_SYNC_EXTRACTED:-target/rule-sync-cli}

rule_sync_extract() {
  if [ ! -f "$RULE_SYNC_EXTRACTED/rule-sync.jar" ] || [ "$RULE_SYNC_JAR" -nt "$RULE_SYNC_EXTRACTED/rule-sync.jar" ]; then
    rm -rf "$RULE_SYNC_EXTRACTED"
    java -Djarmode=tools -jar "$RULE_SYNC_JAR" extract --destination "$RULE_SYNC_EXTRACTED" >/dev/null
  fi
}

rule_sync_java_major() {
  java -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p'
}

rule_sync_cache_opts() { # verb -> the JVM flags of the cache for that command
  local mode=${RULE_SYNC_CACHE:-} file
  if [ -z "$mode" ]; then
    if [ "$(rule_sync_java_major)" -ge 25 ] 2>/dev/null; then mode=aot; else mode=cds; fi
  fi
  case $mode in
    aot)
      file=$RULE_SYNC_EXTRACTED/rule-sync-$1.aot
      # -Xlog:aot=off,cds=off: no notes from training or from a stale cache (then it is ignored, the run goes on)
      if [ -f "$file" ]; then echo "-XX:AOTCache=$file -Xlog:aot=off,cds=off"; else echo "-XX:AOTCacheOutput=$file -Xlog:aot=off,cds=off"; fi ;;
    cds) echo "-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$RULE_SYNC_EXTRACTED/rule-sync-$1.jsa -Xlog:cds=off" ;;
    *) echo "" ;;
  esac
}

rule_sync() {
  rule_sync_extract
  local verb=${1:-help} opts
  case $verb in lint|plan|sync) ;; *) verb=other ;; esac
  opts=${RULESYNC_JAVA_OPTS:-"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC $(rule_sync_cache_opts "$verb")"}
  # shellcheck disable=SC2086 # the options are a word list
  java $opts --enable-native-access=ALL-UNNAMED -jar "$RULE_SYNC_EXTRACTED/rule-sync.jar" "$@"
}

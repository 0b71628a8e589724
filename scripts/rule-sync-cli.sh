# Sourced by scripts/demo.sh and scripts/bench-sync.sh: defines `rule_sync ARGS...`, which runs the command line
# from target/rule-sync.jar the fast way.
#
# Why: a command runs for a second or two, so JVM start-up and class loading are most of its cost (about 8,000
# classes). A class-data-sharing (CDS) archive removes most of that, but the JVM can only archive classes loaded
# from plain jars on the class path, not from the jars nested in Spring Boot's executable jar: with
# `java -jar target/rule-sync.jar` only the JDK's classes (~1,400 of ~8,100) came from the archive. So the jar is
# extracted once (Spring Boot's own `-Djarmode=tools extract`: a thin jar plus lib/, re-done when the jar is newer)
# and run from there; the first run writes the archive (-XX:+AutoCreateSharedArchive), later runs map it. Measured
# on scripts/bench-sync.sh (no-change re-sync of 1,000 groups): 3.6 s wall / 3.8 s CPU -> 2.0 s / 2.3 s.
# C1 alone (-XX:TieredStopAtLevel=1) and the serial GC cut the CPU of such a short run further.
# RULESYNC_JAVA_OPTS replaces the JVM flags; everything works without them, only slower.
RULE_SYNC_JAR=${RULE_SYNC_JAR:-target/rule-sync.jar}
RULE_SYNC_EXTRACTED=${RULE_SYNC_EXTRACTED:-target/rule-sync-cli}
RULESYNC_JAVA_OPTS=${RULESYNC_JAVA_OPTS:-"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$RULE_SYNC_EXTRACTED/rule-sync.jsa -Xlog:cds=off"}

rule_sync_extract() {
  if [ ! -f "$RULE_SYNC_EXTRACTED/rule-sync.jar" ] || [ "$RULE_SYNC_JAR" -nt "$RULE_SYNC_EXTRACTED/rule-sync.jar" ]; then
    rm -rf "$RULE_SYNC_EXTRACTED"
    java -Djarmode=tools -jar "$RULE_SYNC_JAR" extract --destination "$RULE_SYNC_EXTRACTED" >/dev/null
  fi
}

rule_sync() {
  rule_sync_extract
  # shellcheck disable=SC2086 # the options are a word list
  java $RULESYNC_JAVA_OPTS --enable-native-access=ALL-UNNAMED -jar "$RULE_SYNC_EXTRACTED/rule-sync.jar" "$@"
}

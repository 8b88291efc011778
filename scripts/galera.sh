#!/usr/bin/env bash
# A three-node MariaDB Galera cluster on this machine, the one the Galera tests start
# (club.icourse.testsupport.galera.GaleraCluster, same node.cnf), for running the product on it by hand.
# Needs Debian's mariadb-server, galera-4 and rsync. Leaves the machine's MariaDB service (3306) alone.
#
#   scripts/galera.sh start        first time: create node 1's data and bootstrap; later: bootstrap from the
#                                  node that stopped last (or, after a crash of all, the most advanced) and
#                                  join the others
#   scripts/galera.sh stop         stop nodes 3, 2, 1 gracefully (node 1 last: it bootstraps the next start)
#   scripts/galera.sh status       each node's cluster size and state
#   scripts/galera.sh kill N       SIGKILL node N (1-3), as a crash would
#   scripts/galera.sh stop-node N  stop node N gracefully
#   scripts/galera.sh rejoin N     start node N again; after a crash, from its recovered position (IST)
#   scripts/galera.sh url DB       the JDBC URL for the apps' DB_URL, e.g. `DB_URL=$(scripts/galera.sh url auth)`
#
# Files under .local/galera (GALERA_DIR); SQL ports 3311-3313, group communication 4571-4573, IST 4581-4583,
# SST 4591-4593 (GALERA_PORT_OFFSET shifts them all). Root, empty password, on 127.0.0.1 only.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${GALERA_DIR:-$root/.local/galera}"
template="$root/test-support/src/main/resources/club/icourse/testsupport/galera/node.cnf"
offset="${GALERA_PORT_OFFSET:-0}"
nodes=(1 2 3)

sql_port() { echo $((3310 + $1 + offset)); }
gcomm_port() { echo $((4570 + $1 + offset)); }
ist_port() { echo $((4580 + $1 + offset)); }
sst_port() { echo $((4590 + $1 + offset)); }
node_dir() { echo "$dir/node$1"; }

# As root, the nodes run as the mysql user, as Debian's service does: rsync's SST daemon drops root for nobody.
as_root_args() {
    if [ "$(id -u)" -eq 0 ]; then echo "--user=mysql"; fi
}

configure() {
    local n="$1" peers="" p
    for p in "${nodes[@]}"; do peers="${peers:+$peers,}127.0.0.1:$(gcomm_port "$p")"; done
    mkdir -p "$(node_dir "$n")/data" "$(node_dir "$n")/tmp"
    sed -e "s|@DIR@|$(node_dir "$n")|g" -e "s|@NUMBER@|$n|g" -e "s|@PEERS@|$peers|g" \
        -e "s|@SQL_PORT@|$(sql_port "$n")|g" -e "s|@GCOMM_PORT@|$(gcomm_port "$n")|g" \
        -e "s|@IST_PORT@|$(ist_port "$n")|g" -e "s|@SST_PORT@|$(sst_port "$n")|g" \
        "$template" >"$(node_dir "$n")/my.cnf"
    if [ "$(id -u)" -eq 0 ]; then chown -R mysql:mysql "$(node_dir "$n")"; fi
}

# mariadbd writes its own pid file only once it has joined; launch() records the pid at once.
pid() {
    cat "$(node_dir "$1")/launched.pid" 2>/dev/null
}

running() {
    local p
    p="$(pid "$1")"
    [ -n "$p" ] && kill -0 "$p" 2>/dev/null
}

sql() {
    mariadb -h127.0.0.1 -P"$(sql_port "$1")" -uroot --connect-timeout=2 -N -B -e "$2" 2>/dev/null
}

state() {
    sql "$1" "SHOW GLOBAL STATUS LIKE 'wsrep_local_state_comment'" | cut -f2
}

await_synced() {
    local n="$1" i
    for i in $(seq 1 240); do
        if [ "$(state "$n")" = "Synced" ]; then
            echo "node $n: synced, cluster size $(sql "$n" "SHOW GLOBAL STATUS LIKE 'wsrep_cluster_size'" | cut -f2)"
            return 0
        fi
        if ! running "$n"; then
            echo "node $n stopped; its log: $(node_dir "$n")/error.log" >&2
            tail -n 20 "$(node_dir "$n")/error.log" >&2
            return 1
        fi
        sleep 0.5
    done
    echo "node $n did not sync within 2 minutes; see $(node_dir "$n")/error.log" >&2
    return 1
}

launch() {
    local n="$1"
    shift
    setsid /usr/sbin/mariadbd --defaults-file="$(node_dir "$n")/my.cnf" $(as_root_args) "$@" \
        >>"$(node_dir "$n")/console.log" 2>&1 </dev/null &
    echo $! >"$(node_dir "$n")/launched.pid"
}

recovered_position() {
    local n="$1" log
    log="$(node_dir "$n")/recover.log"
    rm -f "$log"
    /usr/sbin/mariadbd --defaults-file="$(node_dir "$n")/my.cnf" $(as_root_args) --wsrep-recover \
        --log-error="$log" >/dev/null 2>&1 || true
    grep -o 'Recovered position: [0-9a-f-]*:-\?[0-9]*' "$log" | tail -n 1 | cut -d' ' -f3
}

crashed() {
    grep -q '^seqno: *-1' "$(node_dir "$1")/data/grastate.dat" 2>/dev/null
}

start_node() {
    local n="$1"
    shift
    if running "$n"; then
        echo "node $n is already running"
        return 0
    fi
    configure "$n"
    if crashed "$n"; then
        launch "$n" "--wsrep-start-position=$(recovered_position "$n")" "$@"
    else
        launch "$n" "$@"
    fi
    await_synced "$n"
}

# The node to bootstrap from: the one Galera marked safe (it stopped last), else the one with the highest
# recovered sequence number, which is then marked safe as the manual procedure does.
bootstrap_node() {
    local n best="" best_seqno=-2 position seqno
    for n in "${nodes[@]}"; do
        if grep -q '^safe_to_bootstrap: *1' "$(node_dir "$n")/data/grastate.dat" 2>/dev/null; then
            echo "$n"
            return 0
        fi
    done
    for n in "${nodes[@]}"; do
        configure "$n"
        position="$(recovered_position "$n")"
        seqno="${position##*:}"
        if [ -n "$seqno" ] && [ "$seqno" -gt "$best_seqno" ]; then
            best="$n"
            best_seqno="$seqno"
        fi
    done
    sed -i 's/^safe_to_bootstrap: *0/safe_to_bootstrap: 1/' "$(node_dir "$best")/data/grastate.dat"
    echo "$best"
}

start() {
    local first n
    for n in "${nodes[@]}"; do
        if running "$n"; then
            echo "node $n is already running: use rejoin for single nodes" >&2
            exit 1
        fi
    done
    if [ ! -d "$(node_dir 1)/data/mysql" ]; then
        configure 1
        echo "creating node 1's system tables under $(node_dir 1)"
        mariadb-install-db --defaults-file="$(node_dir 1)/my.cnf" --auth-root-authentication-method=normal \
            --skip-test-db $(as_root_args) >"$(node_dir 1)/install-db.log" 2>&1
        first=1
    else
        first="$(bootstrap_node)"
    fi
    echo "bootstrapping the cluster from node $first"
    configure "$first"
    launch "$first" --wsrep-new-cluster
    await_synced "$first"
    for n in "${nodes[@]}"; do
        if [ "$n" != "$first" ]; then
            start_node "$n"
        fi
    done
    echo "DB_URL=$(url auth)   (and .../review for the review app)"
}

stop_node() {
    local n="$1" pid i
    if ! running "$n"; then
        return 0
    fi
    pid="$(pid "$n")"
    kill "$pid"
    for i in $(seq 1 120); do
        kill -0 "$pid" 2>/dev/null || { echo "node $n stopped"; return 0; }
        sleep 0.5
    done
    echo "node $n did not stop within 60 s" >&2
    return 1
}

url() {
    local n hosts=""
    for n in "${nodes[@]}"; do hosts="${hosts:+$hosts,}127.0.0.1:$(sql_port "$n")"; done
    echo "jdbc:mariadb:sequential://$hosts/$1?galeraAllowedState=4"
}

node_arg() {
    case "${1:-}" in
        1 | 2 | 3) echo "$1" ;;
        *) echo "which node? 1, 2 or 3" >&2; exit 2 ;;
    esac
}

case "${1:-}" in
    start) start ;;
    stop) for n in 3 2 1; do stop_node "$n"; done ;;
    status)
        for n in "${nodes[@]}"; do
            if running "$n"; then
                echo "node $n (127.0.0.1:$(sql_port "$n")): $(sql "$n" "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_cluster_size', 'wsrep_cluster_status', 'wsrep_local_state_comment')" | tr '\t\n' '= ')"
            else
                echo "node $n: not running"
            fi
        done
        ;;
    kill) n="$(node_arg "${2:-}")"; running "$n" && kill -9 "$(pid "$n")"; echo "node $n killed" ;;
    stop-node) stop_node "$(node_arg "${2:-}")" ;;
    rejoin) start_node "$(node_arg "${2:-}")" ;;
    url) url "${2:?which database?}" ;;
    *) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac

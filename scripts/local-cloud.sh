#!/usr/bin/env bash
# local-cloud.sh - a REAL Keystone (v3) and Glance (API v2) on 127.0.0.1, built
# from Debian 12 packages (OpenStack Zed), for tests and the demo.
#
#   scripts/local-cloud.sh up [--bare]   start (initialising state on first use)
#   scripts/local-cloud.sh down          stop the processes started from the pid files
#   scripts/local-cloud.sh status        running/stopped per service; exit 0 if both run, else 3
#   scripts/local-cloud.sh reset         down + delete the state directory
#   scripts/local-cloud.sh env           print the path of the keystonerc file
#
# up        : Keystone + Glance, with project "services", user "glance" (admin on
#             services), service "glance" (type image) and its public/internal/admin
#             endpoints in RegionOne already registered; waits for an authenticated
#             GET /v2/images to answer 200.
# up --bare : Keystone + Glance, but nothing of Glance registered in Keystone (the demo
#             runs the runbook's keystone lines). Glance's service user must then be
#             created as: user "glance", password "$(cat STATE/glance_password)", role
#             admin on project "services". Waits only for Glance's versions document.
#
# Environment:
#   LOCAL_CLOUD_DIR  state directory (default /var/tmp/osc-local-cloud)
#   KEYSTONE_PORT    default 5000   } fixed when the state is created;
#   GLANCE_PORT      default 9292   } later values must match or you must reset
#   GLANCE_WORKERS   default 0: one Glance process } fixed when the state is created;
#   GLANCE_DATABASE  sqlite (default) or postgresql } workers > 0 need postgresql
#   ADMIN_PASSWORD   admin password on first initialisation (default: random)
#
# A production Glance runs a worker process per CPU on a database server. With
# GLANCE_DATABASE=postgresql a private PostgreSQL cluster lives in STATE/postgresql (unix
# socket only, started and stopped with the services, run as user postgres when root);
# SQLite cannot take several writing processes ("database is locked", HTTP 500).
#
# Everything lives under the state directory: configs, SQLite databases, fernet and
# credential keys, image store, staging area, logs (STATE/logs), pid files (STATE/run),
# keystonerc_admin (runbook style: no domains), keystonerc_admin_v3 (adds the
# domains the reference openstack/glance clients need), cloud.json, admin_token,
# admin_password, glance_password.
set -euo pipefail

PY=/usr/bin/python3            # never the pyenv python3 first on PATH
# Bump when the generated configuration changes: a running cloud of an older version is
# reconfigured in place (Glance restarted, metadefs loaded) by the next "up".
CONFIG_VERSION=2
HOST=127.0.0.1
PACKAGES=(python3-keystone python3-glance uwsgi-core uwsgi-plugin-python3 qemu-utils
          sqlite3 curl python3-glanceclient python3-openstackclient)

STATE_IN=${LOCAL_CLOUD_DIR:-/var/tmp/osc-local-cloud}
case $STATE_IN in /*) ;; *) STATE_IN=$PWD/$STATE_IN ;; esac
STATE=$(realpath -m -- "$STATE_IN")
LOGS=$STATE/logs
RUN=$STATE/run
MARKER=$STATE/.osc-local-cloud

T0=$EPOCHREALTIME

say()  { printf 'local-cloud: %s\n' "$*"; }
die()  { printf 'local-cloud: ERROR: %s\n' "$*" >&2; exit 1; }
elapsed() {  # seconds since start, one decimal
  local a=${T0/[.,]/} b=${EPOCHREALTIME/[.,]/}
  local d=$(((b - a) / 100000))
  printf '%d.%d' $((d / 10)) $((d % 10))
}

usage() {
  sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p;}' "$0"
  exit "${1:-2}"
}

# ---------------------------------------------------------------- packages
ensure_packages() {
  local missing=() p st
  for p in "${PACKAGES[@]}"; do
    st=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [[ $st == installed ]] || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0
  local sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null || die "packages missing (${missing[*]}) and not root, no sudo"
    sudo=(sudo)
  fi
  mkdir -p "$LOGS"
  local log=$LOGS/apt.log i=0
  say "installing ${missing[*]} (log $log)"
  # Another apt/dpkg may be running (e.g. a background install): wait for it.
  while pgrep -x apt-get >/dev/null || pgrep -x dpkg >/dev/null || pgrep -x apt >/dev/null; do
    ((i++ < 600)) || die "apt/dpkg still busy after 10 min; log $log"
    sleep 1
  done
  missing=()
  for p in "${PACKAGES[@]}"; do
    st=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [[ $st == installed ]] || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update \
    >>"$log" 2>&1 || die "apt-get update failed; log $log"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y \
    --no-install-recommends "${missing[@]}" >>"$log" 2>&1 \
    || die "apt-get install ${missing[*]} failed; log $log"
}

# The standard metadata definitions (OS::Compute::Libvirt …) ship in glance-common, whose
# install asks debconf questions: take only its JSON files from the package archive.
fetch_metadefs() {  # -> $STATE/glance/metadefs/*.json
  local dest=$STATE/glance/metadefs tmp
  compgen -G "$dest/*.json" >/dev/null && return 0
  tmp=$(mktemp -d)
  if ! (cd "$tmp" && apt-get download glance-common >>"$LOGS/apt.log" 2>&1); then
    local sudo=()
    ((EUID == 0)) || sudo=(sudo)
    "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update >>"$LOGS/apt.log" 2>&1 \
      || { rm -rf "$tmp"; die "apt-get update failed; log $LOGS/apt.log"; }
    (cd "$tmp" && apt-get download glance-common >>"$LOGS/apt.log" 2>&1) \
      || { rm -rf "$tmp"; die "apt-get download glance-common failed; log $LOGS/apt.log"; }
  fi
  dpkg-deb -x "$tmp"/glance-common_*.deb "$tmp/x"
  mkdir -p "$dest"
  cp "$tmp"/x/usr/share/glance-common/metadefs/*.json "$dest/"
  rm -rf "$tmp"
}

load_metadefs() {
  [[ -f $STATE/.metadefs ]] && return 0
  fetch_metadefs
  "$PY" "$STATE/bin/glance-manage" --config-file "$STATE/glance/glance-api.conf" \
      db_load_metadefs "$STATE/glance/metadefs" >>"$LOGS/glance-manage.log" 2>&1 \
    || die "glance-manage db_load_metadefs failed; log $LOGS/glance-manage.log"
  touch "$STATE/.metadefs"
}

# ---------------------------------------------------------------- ports/state
load_ports() {
  local want_k=${KEYSTONE_PORT:-} want_g=${GLANCE_PORT:-}
  local want_w=${GLANCE_WORKERS:-} want_d=${GLANCE_DATABASE:-}
  if [[ -f $STATE/ports.env ]]; then
    GL_WORKERS=0 GL_DATABASE=sqlite  # states made before these settings existed
    # shellcheck disable=SC1091
    . "$STATE/ports.env"
    if [[ -n $want_k && $want_k != "$KS_PORT" ]] || [[ -n $want_g && $want_g != "$GL_PORT" ]]; then
      die "state $STATE was created with ports keystone=$KS_PORT glance=$GL_PORT; run '$0 reset' to change them"
    fi
    if [[ -n $want_w && $want_w != "$GL_WORKERS" ]] || [[ -n $want_d && $want_d != "$GL_DATABASE" ]]; then
      die "state $STATE was created with GLANCE_WORKERS=$GL_WORKERS GLANCE_DATABASE=$GL_DATABASE; run '$0 reset' to change them"
    fi
  else
    KS_PORT=${want_k:-5000}
    GL_PORT=${want_g:-9292}
    GL_WORKERS=${want_w:-0}
    GL_DATABASE=${want_d:-sqlite}
  fi
  [[ $GL_WORKERS =~ ^(0|[1-9][0-9]{0,2})$ ]] || die "bad GLANCE_WORKERS: $GL_WORKERS (a number of processes, 0 for one)"
  case $GL_DATABASE in
    sqlite) ((GL_WORKERS == 0)) || die "GLANCE_WORKERS=$GL_WORKERS needs GLANCE_DATABASE=postgresql: SQLite refuses concurrent writers" ;;
    postgresql) PACKAGES+=(postgresql-15 python3-psycopg2) ;;
    *) die "bad GLANCE_DATABASE: $GL_DATABASE (sqlite or postgresql)" ;;
  esac
  local p
  for p in "$KS_PORT" "$GL_PORT"; do
    [[ $p =~ ^[1-9][0-9]{0,4}$ ]] && ((p <= 65535)) || die "bad port number: $p"
  done
  KS_URL=http://$HOST:$KS_PORT
  GL_URL=http://$HOST:$GL_PORT
}

secret() { "$PY" -c 'import secrets; print(secrets.token_hex(16))'; }

# ---------------------------------------------------------------- processes
pid_of() {  # svc -> prints pid if the pid file names a live process of that service
  local svc=$1 pid want
  [[ -f $RUN/$svc.pid ]] || return 1
  pid=$(<"$RUN/$svc.pid")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  case $svc in
    keystone) want="osc-keystone:$KS_PORT " ;;  # uWSGI's process title (see start_keystone)
    glance) want=$STATE/bin/glance-api ;;
  esac
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$want" || return 1
  printf '%s\n' "$pid"
}

http_code() {  # url [curl args...] -> prints the HTTP status (000 if no answer)
  local url=$1; shift
  curl -s -o /dev/null -m 5 -w '%{http_code}' "$@" "$url" 2>/dev/null || true
}

answers() {  # svc -> port answering HTTP
  local c
  case $1 in
    keystone) c=$(http_code "$KS_URL/v3") ;;
    glance) c=$(http_code "$GL_URL/") ;;
  esac
  [[ $c != 000 && -n $c ]]
}

running() { pid_of "$1" >/dev/null && answers "$1"; }

stop_svc() {
  local svc=$1 pid i
  if pid=$(pid_of "$svc"); then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.2
    fi
    say "$svc stopped (pid $pid)"
  fi
  rm -f "$RUN/$svc.pid"
}

port_free_or_die() {  # svc port
  local c holder=
  c=$(http_code "http://$HOST:$2/")
  if [[ $c != 000 ]] || (: <>"/dev/tcp/$HOST/$2") 2>/dev/null; then
    holder=$(ss -ltnpH "sport = :$2" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 || true)
    if [[ -n $holder ]]; then
      holder=" (${holder}: $(tr '\0' ' ' <"/proc/${holder#pid=}/cmdline" 2>/dev/null | cut -c1-120))"
    fi
    die "$1: port $HOST:$2 is already in use by a process not started from $STATE's pid files$holder"
  fi
}

start_keystone() {
  port_free_or_die keystone "$KS_PORT"
  local log=$LOGS/keystone.log
  : >>"$log"
  setsid /usr/bin/uwsgi-core \
      --plugins python3 \
      --http-socket "$HOST:$KS_PORT" \
      --wsgi-file /usr/bin/keystone-wsgi-public \
      --env "OS_KEYSTONE_CONFIG_FILES=$STATE/keystone/keystone.conf" \
      --master --processes 1 --threads 1 --enable-threads \
      --die-on-term --no-orphans --need-app --vacuum \
      --buffer-size 65535 \
      --add-header 'Connection: close' \
      --procname-prefix-spaced "osc-keystone:$KS_PORT" \
      >>"$log" 2>&1 </dev/null 9>&- &
  echo $! >"$RUN/keystone.pid"
}

start_glance() {
  port_free_or_die glance "$GL_PORT"
  local log=$LOGS/glance-api.log
  : >>"$log"
  setsid "$PY" "$STATE/bin/glance-api" --config-file "$STATE/glance/glance-api.conf" \
      >>"$log" 2>&1 </dev/null 9>&- &
  echo $! >"$RUN/glance.pid"
}

wait_http() {  # svc url expected-code timeout-s log [curl args...]
  local svc=$1 url=$2 want=$3 timeout=$4 log=$5 c=000 i
  shift 5
  for ((i = 0; i < timeout * 10; i++)); do
    c=$(http_code "$url" "$@")
    [[ $c == "$want" ]] && return 0
    pid_of "$svc" >/dev/null || die "$svc died during start-up (last answer $c from $url); log $log"
    sleep 0.1
  done
  die "$svc: no HTTP $want from $url within ${timeout}s (last $c); log $log"
}

# ---------------------------------------------------------------- postgresql (GLANCE_DATABASE)
PG_BIN=/usr/lib/postgresql/15/bin
PG=$STATE/postgresql   # data/ and the unix socket directory run/

glance_connection() {
  if [[ $GL_DATABASE == postgresql ]]; then
    echo "postgresql+psycopg2://glance@/glance?host=$PG/run"
  else
    echo "sqlite:///$STATE/glance/glance.db"
  fi
}

as_pg_owner() {  # PostgreSQL will not run as root: its files and processes belong to user postgres then
  if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_running() { [[ -f $PG/data/PG_VERSION ]] && as_pg_owner "$PG_BIN/pg_ctl" status -D "$PG/data" >/dev/null 2>&1; }

pg_start() {
  pg_running && return 0
  local log=$LOGS/postgresql.log
  ((${#PG} < 80)) || die "postgresql: socket directory $PG/run is too long for a unix socket path; use a shorter LOCAL_CLOUD_DIR"
  if [[ ! -f $PG/data/PG_VERSION ]]; then
    mkdir -p "$PG/run"
    if ((EUID == 0)); then
      chmod 711 "$STATE"  # postgres must reach its own directory; every file here is the owner's only
      chown -R postgres: "$PG"
      runuser -u postgres -- test -w "$PG/run" \
        || die "postgresql: user postgres cannot reach $PG (a directory above it is closed to others): open them (chmod o+x) or use a LOCAL_CLOUD_DIR under /var/tmp"
    fi
    as_pg_owner "$PG_BIN/initdb" -D "$PG/data" -A trust -U glance --no-sync >>"$log" 2>&1 \
      || die "postgresql: initdb failed; log $log"
  fi
  : >>"$log"
  if ((EUID == 0)); then chown postgres: "$log"; fi
  as_pg_owner "$PG_BIN/pg_ctl" -D "$PG/data" -l "$log" -w -t 60 \
      -o "-k $PG/run -c listen_addresses='' -c max_connections=200" start >/dev/null 2>&1 9>&- \
    || die "postgresql did not start; log $log"
  if [[ ! -f $PG/.created ]]; then
    as_pg_owner "$PG_BIN/createdb" -h "$PG/run" -U glance glance >>"$log" 2>&1 || die "postgresql: createdb glance failed; log $log"
    touch "$PG/.created"
  fi
}

pg_stop() {
  pg_running || return 0
  as_pg_owner "$PG_BIN/pg_ctl" -D "$PG/data" -m fast -w stop >/dev/null 2>&1 && say "postgresql stopped"
}

# ---------------------------------------------------------------- config files
write_configs() {
  local admin_token glance_password
  admin_token=$(<"$STATE/admin_token")
  glance_password=$(<"$STATE/glance_password")
  mkdir -p "$STATE/keystone/fernet-keys" "$STATE/keystone/credential-keys" \
           "$STATE/glance/images" "$STATE/glance/images-cheap" "$STATE/glance/staging" \
           "$STATE/glance/tasks" "$STATE/glance/image-cache" \
           "$STATE/glance/lock" "$STATE/bin" "$LOGS" "$RUN"
  chmod 700 "$STATE/keystone/fernet-keys" "$STATE/keystone/credential-keys"

  cat >"$STATE/keystone/keystone.conf" <<EOF
# generated by scripts/local-cloud.sh - test cloud only
[DEFAULT]
# token mode (OS_SERVICE_TOKEN): any request carrying this X-Auth-Token is admin
admin_token = $admin_token
use_stderr = true

[database]
connection = sqlite:///$STATE/keystone/keystone.db?check_same_thread=false

[cache]
enabled = true
backend = dogpile.cache.memory

[identity]
# bcrypt 4 rounds: ~10 ms per password check instead of ~230 ms (test cloud only)
password_hash_rounds = 4

[fernet_tokens]
key_repository = $STATE/keystone/fernet-keys

[fernet_receipts]
key_repository = $STATE/keystone/fernet-keys

[credential]
key_repository = $STATE/keystone/credential-keys
# The memory cache hands out the cached dict itself and Keystone pops its encrypted_blob on
# read: every later read of that EC2 credential fails (HTTP 500, KeyError 'encrypted_blob').
caching = false
EOF

  cat >"$STATE/glance/glance-api.conf" <<EOF
# generated by scripts/local-cloud.sh - test cloud only
[DEFAULT]
bind_host = $HOST
bind_port = $GL_PORT
$(if ((GL_WORKERS == 0)); then echo '# one process: import tasks run as green threads inside it'; else echo "# $GL_WORKERS worker processes, as a production Glance has one per CPU"; fi)
workers = $GL_WORKERS
use_stderr = true
show_image_direct_url = true
show_multiple_locations = true
enabled_import_methods = [glance-direct,web-download,copy-image]
image_cache_dir = $STATE/glance/image-cache
# Two file stores, as a multi-store cloud has them (stores-info lists fast, cheap and the
# read-only http store that location-add needs). "fast" keeps the single-store directory,
# so images made before the change stay readable.
enabled_backends = fast:file, cheap:file, web:http

[glance_store]
default_backend = fast

[fast]
store_description = Fast file store (default)
filesystem_store_datadir = $STATE/glance/images/

[cheap]
store_description = Cheap file store
filesystem_store_datadir = $STATE/glance/images-cheap/

[web]
store_description = Read-only web locations

[os_glance_staging_store]
filesystem_store_datadir = $STATE/glance/staging/

[os_glance_tasks_store]
filesystem_store_datadir = $STATE/glance/tasks/

[database]
connection = $(glance_connection)

[import_filtering_opts]
# list options: brackets are required
allowed_schemes = [http,https]
allowed_hosts = [127.0.0.1,localhost,::1]
allowed_ports = []

[keystone_authtoken]
www_authenticate_uri = $KS_URL
auth_url = $KS_URL
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = services
username = glance
password = $glance_password

[paste_deploy]
# the image cache: images are cached as they are read; its API (/v2/cache, cache-list …) is
# on because image_cache_dir is set
flavor = keystone+caching
config_file = $STATE/glance/glance-api-paste.ini

[oslo_concurrency]
lock_path = $STATE/glance/lock
EOF
  chmod 600 "$STATE/keystone/keystone.conf" "$STATE/glance/glance-api.conf"

  # Upstream Zed etc/glance-api-paste.ini (the pipelines this cloud uses).
  cat >"$STATE/glance/glance-api-paste.ini" <<EOF
[pipeline:glance-api]
pipeline = cors healthcheck http_proxy_to_wsgi versionnegotiation osprofiler unauthenticated-context rootapp

[pipeline:glance-api-keystone]
pipeline = cors healthcheck http_proxy_to_wsgi versionnegotiation osprofiler authtoken context rootapp

[pipeline:glance-api-keystone+caching]
pipeline = cors healthcheck http_proxy_to_wsgi versionnegotiation osprofiler authtoken context cache rootapp

[composite:rootapp]
paste.composite_factory = glance.api:root_app_factory
/: apiversions
/v2: apiv2app

[app:apiversions]
paste.app_factory = glance.api.versions:create_resource

[app:apiv2app]
paste.app_factory = glance.api.v2.router:API.factory

[filter:healthcheck]
paste.filter_factory = oslo_middleware:Healthcheck.factory
backends = disable_by_file
disable_by_file_path = $STATE/glance/healthcheck_disable

[filter:versionnegotiation]
paste.filter_factory = glance.api.middleware.version_negotiation:VersionNegotiationFilter.factory

[filter:context]
paste.filter_factory = glance.api.middleware.context:ContextMiddleware.factory

[filter:cache]
paste.filter_factory = glance.api.middleware.cache:CacheFilter.factory

[filter:unauthenticated-context]
paste.filter_factory = glance.api.middleware.context:UnauthenticatedContextMiddleware.factory

[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
delay_auth_decision = true

[filter:osprofiler]
paste.filter_factory = osprofiler.web:WsgiMiddleware.factory

[filter:cors]
paste.filter_factory = oslo_middleware.cors:filter_factory
oslo_config_project = glance
oslo_config_program = glance-api

[filter:http_proxy_to_wsgi]
paste.filter_factory = oslo_middleware:HTTPProxyToWSGI.factory
EOF

  # Upstream etc/schema-image.json; Glance finds it next to its config file.
  cat >"$STATE/glance/schema-image.json" <<'EOF'
{
    "kernel_id": {
        "type": ["null", "string"],
        "pattern": "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$",
        "description": "ID of image stored in Glance that should be used as the kernel when booting an AMI-style image."
    },
    "ramdisk_id": {
        "type": ["null", "string"],
        "pattern": "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$",
        "description": "ID of image stored in Glance that should be used as the ramdisk when booting an AMI-style image."
    },
    "instance_uuid": {
        "type": "string",
        "description": "Metadata which can be used to record which instance this image is associated with. (Informational only, does not create an instance snapshot.)"
    },
    "architecture": {
        "description": "Operating system architecture as specified in https://docs.openstack.org/python-glanceclient/latest/cli/property-keys.html",
        "type": "string"
    },
    "os_distro": {
        "description": "Common name of operating system distribution as specified in https://docs.openstack.org/python-glanceclient/latest/cli/property-keys.html",
        "type": "string"
    },
    "os_version": {
        "description": "Operating system version as specified by the distributor.",
        "type": "string"
    },
    "description": {
        "description": "A human-readable string describing this image.",
        "type": "string"
    }
}
EOF

  # python3-glance ships no launchers (they are in glance-common / glance-api).
  local name mod
  for name in glance-api glance-manage; do
    mod=${name#glance-}
    cat >"$STATE/bin/$name" <<EOF
#!/usr/bin/python3
import sys
from glance.cmd.$mod import main
sys.exit(main())
EOF
    chmod 755 "$STATE/bin/$name"
  done
  cat >"$STATE/bin/keystone-manage" <<EOF
#!/bin/sh
exec $PY /usr/bin/keystone-manage --config-file $STATE/keystone/keystone.conf "\$@"
EOF
  chmod 755 "$STATE/bin/keystone-manage"
}

write_client_files() {
  local pw q
  pw=$(<"$STATE/admin_password")
  q=${pw//\'/\'\\\'\'}
  cat >"$STATE/keystonerc_admin" <<EOF
unset OS_SERVICE_TOKEN
export OS_USERNAME=admin
export OS_PASSWORD='$q'
export OS_AUTH_URL=$KS_URL/v3
export PS1='[\u@\h \W(keystone_admin)]\\$ '
export OS_TENANT_NAME=admin
EOF
  # The runbook-style file above names no domain; with a /v3 auth URL the reference
  # clients (openstack 6.0, glance 4.1) then get HTTP 400 "Expecting to find domain
  # in project". This variant adds the domains for them.
  cat >"$STATE/keystonerc_admin_v3" <<EOF
. '$STATE/keystonerc_admin'
export OS_PROJECT_NAME=admin
export OS_USER_DOMAIN_NAME=Default
export OS_PROJECT_DOMAIN_NAME=Default
export OS_IDENTITY_API_VERSION=3
EOF
  chmod 600 "$STATE/keystonerc_admin" "$STATE/keystonerc_admin_v3"
  # "bare": Glance not (yet) registered in Keystone by this script.
  KS_URL=$KS_URL GL_URL=$GL_URL STATE=$STATE "$PY" - <<'EOF'
import json, os
s = os.environ["STATE"]
rd = lambda n: open(os.path.join(s, n)).read().strip()
doc = {
    "keystone_url": os.environ["KS_URL"] + "/v3",
    "glance_url": os.environ["GL_URL"],
    "admin_user": "admin",
    "admin_project": "admin",
    "admin_password": rd("admin_password"),
    "admin_token": rd("admin_token"),
    "glance_user": "glance",
    "glance_project": "services",
    "glance_password": rd("glance_password"),
    "region": "RegionOne",
    "state_dir": s,
    "keystonerc": os.path.join(s, "keystonerc_admin"),
    "keystonerc_v3": os.path.join(s, "keystonerc_admin_v3"),
    "bare": not os.path.exists(os.path.join(s, ".registered")),
}
path = os.path.join(s, "cloud.json")
with open(path + ".tmp", "w") as f:
    json.dump(doc, f, indent=2)
    f.write("\n")
os.chmod(path + ".tmp", 0o600)
os.replace(path + ".tmp", path)
EOF
}

# ---------------------------------------------------------------- initialisation
init_keystone() {  # runs in a subshell; output to keystone-manage.log
  local km=("$PY" /usr/bin/keystone-manage --config-file "$STATE/keystone/keystone.conf")
  local u g
  u=$(id -un); g=$(id -gn)
  "${km[@]}" db_sync &
  local p1=$!
  "${km[@]}" fernet_setup --keystone-user "$u" --keystone-group "$g" &
  local p2=$!
  "${km[@]}" credential_setup --keystone-user "$u" --keystone-group "$g" &
  local p3=$!
  wait "$p1" || { echo "FAILED: keystone-manage db_sync"; return 1; }
  wait "$p2" || { echo "FAILED: keystone-manage fernet_setup"; return 1; }
  wait "$p3" || { echo "FAILED: keystone-manage credential_setup"; return 1; }
  sqlite3 "$STATE/keystone/keystone.db" 'PRAGMA journal_mode=WAL;' >/dev/null \
    || { echo "FAILED: sqlite WAL on keystone.db"; return 1; }
  OS_BOOTSTRAP_PASSWORD=$(<"$STATE/admin_password") "${km[@]}" bootstrap \
      --bootstrap-username admin \
      --bootstrap-project-name admin \
      --bootstrap-role-name admin \
      --bootstrap-service-name keystone \
      --bootstrap-region-id RegionOne \
      --bootstrap-public-url "$KS_URL/v3" \
      --bootstrap-internal-url "$KS_URL/v3" \
      --bootstrap-admin-url "$KS_URL/v3" \
    || { echo "FAILED: keystone-manage bootstrap"; return 1; }
}

init_glance() {
  "$PY" "$STATE/bin/glance-manage" --config-file "$STATE/glance/glance-api.conf" db_sync \
    || { echo "FAILED: glance-manage db_sync"; return 1; }
  [[ $GL_DATABASE == sqlite ]] || return 0
  sqlite3 "$STATE/glance/glance.db" 'PRAGMA journal_mode=WAL;' >/dev/null \
    || { echo "FAILED: sqlite WAL on glance.db"; return 1; }
}

# Register project services, user glance (admin on services), service glance
# (type image) and its endpoints. Idempotent: reuses what exists by name/type.
register_glance() {
  KS_URL=$KS_URL GL_URL=$GL_URL TOKEN=$(<"$STATE/admin_token") \
  GPW=$(<"$STATE/glance_password") "$PY" - <<'EOF'
import json, os, sys, urllib.request, urllib.error
ks = os.environ["KS_URL"] + "/v3"
gl = os.environ["GL_URL"]
hdr = {"X-Auth-Token": os.environ["TOKEN"], "Content-Type": "application/json"}

def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(ks + path, data=data, method=method, headers=hdr)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            txt = r.read()
            return json.loads(txt) if txt else {}
    except urllib.error.HTTPError as e:
        sys.exit("%s %s -> HTTP %s %s" % (method, path, e.code, e.read()[:300]))

def find(coll, **q):
    qs = "&".join("%s=%s" % kv for kv in q.items())
    items = call("GET", "/%s?%s" % (coll, qs))[coll]
    return items[0] if items else None

proj = find("projects", name="services", domain_id="default") or call(
    "POST", "/projects", {"project": {"name": "services", "domain_id": "default",
                                      "description": "Service Tenant"}})["project"]
user = find("users", name="glance", domain_id="default") or call(
    "POST", "/users", {"user": {"name": "glance", "domain_id": "default",
                                "password": os.environ["GPW"],
                                "default_project_id": proj["id"]}})["user"]
role = find("roles", name="admin")
if not role:
    sys.exit("role admin not found")
call("PUT", "/projects/%s/users/%s/roles/%s" % (proj["id"], user["id"], role["id"]))
svc = find("services", type="image")
if not svc:
    svc = call("POST", "/services", {"service": {
        "name": "glance", "type": "image", "description": "Glance Image Service",
        "enabled": True}})["service"]
    for iface in ("public", "internal", "admin"):
        call("POST", "/endpoints", {"endpoint": {
            "service_id": svc["id"], "interface": iface, "url": gl,
            "region_id": "RegionOne", "enabled": True}})
EOF
}

admin_token_from_password() {
  KS_URL=$KS_URL PW=$(<"$STATE/admin_password") "$PY" - <<'EOF'
import json, os, urllib.request
body = {"auth": {"identity": {"methods": ["password"], "password": {"user": {
    "name": "admin", "domain": {"id": "default"}, "password": os.environ["PW"]}}},
    "scope": {"project": {"name": "admin", "domain": {"id": "default"}}}}}
req = urllib.request.Request(os.environ["KS_URL"] + "/v3/auth/tokens",
                             data=json.dumps(body).encode(), method="POST",
                             headers={"Content-Type": "application/json"})
with urllib.request.urlopen(req, timeout=30) as r:
    print(r.headers["X-Subject-Token"])
EOF
}

# ---------------------------------------------------------------- commands
cmd_up() {
  local bare=0
  while (($#)); do
    case $1 in
      --bare) bare=1 ;;
      *) die "up: unknown option $1" ;;
    esac
    shift
  done
  load_ports
  ensure_packages

  # Existing, complete state whose services both run: nothing to do.
  if [[ -f $STATE/.initialized ]] && running keystone && running glance \
     && { [[ $GL_DATABASE == sqlite ]] || pg_running; } \
     && { ((bare)) || [[ -f $STATE/.registered ]]; } \
     && [[ $(cat "$STATE/.config-version" 2>/dev/null) == "$CONFIG_VERSION" ]]; then
    write_client_files
    say "already running: keystone $KS_URL/v3 (pid $(pid_of keystone)), glance $GL_URL (pid $(pid_of glance)); keystonerc $STATE/keystonerc_admin"
    return 0
  fi

  if [[ ! -f $STATE/.initialized ]]; then
    if [[ -e $STATE ]]; then
      if [[ -f $MARKER ]]; then
        # Half-initialised state from a failed run: start over.
        stop_svc glance; stop_svc keystone; pg_stop
        find "$STATE" -mindepth 1 -delete
      elif [[ -n $(ls -A "$STATE" 2>/dev/null | grep -vx logs) ]]; then
        # (logs/ alone is the package install's log, written before the state is made)
        die "$STATE exists, is not empty and is not a local-cloud state directory"
      fi
    fi
    port_free_or_die keystone "$KS_PORT"
    port_free_or_die glance "$GL_PORT"
    mkdir -p "$STATE" "$LOGS" "$RUN"
    chmod 700 "$STATE"
    touch "$MARKER"
    printf 'KS_PORT=%s\nGL_PORT=%s\nGL_WORKERS=%s\nGL_DATABASE=%s\n' "$KS_PORT" "$GL_PORT" "$GL_WORKERS" "$GL_DATABASE" >"$STATE/ports.env"
    (umask 077
     if [[ -n ${ADMIN_PASSWORD:-} ]]; then printf '%s\n' "$ADMIN_PASSWORD"; else secret; fi \
       >"$STATE/admin_password"
     secret >"$STATE/admin_token"
     secret >"$STATE/glance_password")
    write_configs
    say "initialising state in $STATE"
    local klog=$LOGS/keystone-manage.log glog=$LOGS/glance-manage.log
    init_keystone >>"$klog" 2>&1 &
    local kp=$!
    [[ $GL_DATABASE == sqlite ]] || pg_start
    init_glance >>"$glog" 2>&1 &
    local gp=$!
    wait "$gp" || die "$(tail -n1 "$glog" | cut -c1-200); log $glog"
    # Glance needs only its own DB to start; its authtoken authenticates lazily.
    start_glance
    wait "$kp" || die "$(grep -m1 '^FAILED' "$klog" || echo 'keystone initialisation failed'); log $klog"
    touch "$STATE/.initialized"
  else
    write_configs
    if [[ $(cat "$STATE/.config-version" 2>/dev/null) != "$CONFIG_VERSION" ]]; then
      say "reconfiguring glance (configuration version $CONFIG_VERSION)"
      stop_svc glance
    fi
  fi
  [[ $GL_DATABASE == sqlite ]] || pg_start
  load_metadefs

  if running keystone; then :; else
    stop_svc keystone
    start_keystone
  fi
  if pid_of glance >/dev/null; then :; else
    start_glance
  fi

  wait_http keystone "$KS_URL/v3" 200 60 "$LOGS/keystone.log"
  if ((!bare)) && [[ ! -f $STATE/.registered ]]; then
    local rlog=$LOGS/register.log
    register_glance >>"$rlog" 2>&1 || die "registering glance in keystone failed: $(tail -n1 "$rlog" | cut -c1-200); log $rlog"
    touch "$STATE/.registered"
  fi
  wait_http glance "$GL_URL/" 300 60 "$LOGS/glance-api.log"
  write_client_files
  echo "$CONFIG_VERSION" >"$STATE/.config-version"

  if ((!bare)) || [[ -f $STATE/.registered ]]; then
    local tok
    tok=$(admin_token_from_password 2>>"$LOGS/register.log") \
      || die "keystone: admin password authentication failed; log $LOGS/keystone.log"
    wait_http glance "$GL_URL/v2/images" 200 60 "$LOGS/glance-api.log" -H "X-Auth-Token: $tok"
  fi

  say "up in $(elapsed)s$( ((bare)) && echo ' (bare: glance not registered in keystone)'): keystone $KS_URL/v3 (pid $(pid_of keystone)), glance $GL_URL (pid $(pid_of glance))"
  say "source $STATE/keystonerc_admin"
}

cmd_down() {
  [[ -f $STATE/ports.env ]] || { say "no state at $STATE"; return 0; }
  load_ports
  stop_svc glance
  stop_svc keystone
  pg_stop
}

cmd_status() {
  [[ -f $STATE/ports.env ]] || { say "keystone: stopped"; say "glance: stopped"; say "(no state at $STATE)"; return 3; }
  load_ports
  local rc=0 svc url pid
  for svc in keystone glance; do
    [[ $svc == keystone ]] && url=$KS_URL/v3 || url=$GL_URL
    if pid=$(pid_of "$svc") && answers "$svc"; then
      say "$svc: running (pid $pid, $url)"
    elif [[ -n ${pid:-} ]]; then
      say "$svc: not answering (pid $pid, $url)"; rc=3
    else
      say "$svc: stopped"; rc=3
    fi
    pid=
  done
  if [[ $GL_DATABASE == postgresql ]]; then
    if pg_running; then say "postgresql: running ($PG/run)"; else say "postgresql: stopped"; rc=3; fi
  fi
  say "state: $STATE"
  return $rc
}

cmd_reset() {
  if [[ -e $STATE ]]; then
    [[ -f $MARKER ]] || die "refusing to delete $STATE: not a local-cloud state directory"
    cmd_down
    rm -rf -- "$STATE"
    say "deleted $STATE"
  fi
}

cmd_env() {
  [[ -f $STATE/keystonerc_admin ]] || die "no keystonerc at $STATE/keystonerc_admin (run '$0 up' first)"
  printf '%s\n' "$STATE/keystonerc_admin"
}

# up/down/reset take an exclusive lock (a file next to the state directory, so that it
# survives reset): concurrent callers, e.g. two test runs, are serialised.
lock() {
  local lockfile=$STATE.lock
  mkdir -p "$(dirname "$STATE")"
  exec 9>>"$lockfile"
  flock -w 600 9 || die "another local-cloud.sh still holds $lockfile after 10 min"
}

case ${1:-} in
  up) shift; lock; cmd_up "$@" ;;
  down) lock; cmd_down ;;
  status) cmd_status ;;
  reset) lock; cmd_reset ;;
  env) cmd_env ;;
  -h|--help|help) usage 0 ;;
  *) usage 2 ;;
esac

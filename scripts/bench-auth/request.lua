-- wrk: one fixed request, sent again and again: a POST of the form body BODY when it is set, else a GET; with HTTP
-- Basic client auth when AUTH (base64 id:secret) is set, or a bearer token when BEARER is. Counts 2xx answers.
dofile(os.getenv("LUA_DIR") .. "/count.lua")
local body, auth, bearer = os.getenv("BODY"), os.getenv("AUTH"), os.getenv("BEARER")
if body and body ~= "" then
  wrk.method = "POST"; wrk.body = body
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
if auth and auth ~= "" then wrk.headers["Authorization"] = "Basic " .. auth
elseif bearer and bearer ~= "" then wrk.headers["Authorization"] = "Bearer " .. bearer end
function setup(thread) table.insert(threads, thread) end
function response(status, headers, body) count(status >= 200 and status < 300, status, body) end
function done(summary, latency, requests) report(latency, "requests") end

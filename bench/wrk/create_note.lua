-- Progress notes written and signed at once: POST /api/v1/cases/{id}/notes over the open cases of
-- a file (one case id a line). Arguments: token, case ids file, the service time (UTC, in the past).
local threads = 0

function setup(thread)
  thread:set("number", threads)
  threads = threads + 1
end

function init(args)
  headers = { ["Authorization"] = "Bearer " .. args[1], ["Content-Type"] = "application/json" }
  cases = {}
  for line in io.lines(args[2]) do
    if line ~= "" then cases[#cases + 1] = line end
  end
  body = '{"contact_type":"phone","service_at":"' .. args[3] ..
         '","body":"Phone call with the client; reviewed medications and the next visit.","sign":true}'
  position = (number * 31) % #cases
end

function request()
  position = position % #cases + 1
  return wrk.format("POST", "/api/v1/cases/" .. cases[position] .. "/notes", headers, body)
end

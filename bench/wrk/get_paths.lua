-- GET requests signed in with a bearer token, cycling through the paths of a file (one a line).
-- Each wrk thread starts at its own place in the list. Arguments: token, paths file.
local threads = 0

function setup(thread)
  thread:set("number", threads)
  threads = threads + 1
end

function init(args)
  token = args[1]
  paths = {}
  for line in io.lines(args[2]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  position = (number * 7919) % #paths
  headers = { ["Authorization"] = "Bearer " .. token }
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position], headers)
end

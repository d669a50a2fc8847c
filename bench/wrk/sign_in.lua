-- Sign-ins: POST /api/v1/auth/login with a username and password. Arguments: username, password.
function init(args)
  body = '{"username":"' .. args[1] .. '","password":"' .. args[2] .. '"}'
  headers = { ["Content-Type"] = "application/json" }
end

function request()
  return wrk.format("POST", "/api/v1/auth/login", headers, body)
end

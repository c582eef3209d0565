import { lazy } from "react";
import { createBrowserRouter, Navigate, RouterProvider } from "react-router";
import { Layout } from "./components/Layout";
import { useUser } from "./auth/session";
import { homeFor } from "./lib/access";
import { SignIn } from "./pages/SignIn";

// Each area is its own chunk: the first paint loads only the shell and the page it opens.
const Today = lazy(() => import("./pages/schedule/Today"));
const MyDay = lazy(() => import("./pages/schedule/MyDay"));
const Week = lazy(() => import("./pages/schedule/Week"));
const Month = lazy(() => import("./pages/schedule/Month"));
const Patients = lazy(() => import("./pages/patients/PatientList"));
const NewPatient = lazy(() => import("./pages/patients/NewPatient"));
const Patient = lazy(() => import("./pages/patients/PatientPage"));
const Visit = lazy(() => import("./pages/visit/VisitPage"));
const Billing = lazy(() => import("./pages/billing/Billing"));
const Revenue = lazy(() => import("./pages/billing/Revenue"));
const Staff = lazy(() => import("./pages/admin/Staff"));
const CptCodes = lazy(() => import("./pages/admin/CptCodes"));
const WorkingHours = lazy(() => import("./pages/admin/WorkingHours"));
const Audit = lazy(() => import("./pages/admin/Audit"));
const AccessLog = lazy(() => import("./pages/admin/AccessLog"));

function Home() {
  return <Navigate to={homeFor(useUser().role)} replace />;
}

const router = createBrowserRouter([
  { path: "/signin", element: <SignIn /> },
  {
    element: <Layout />,
    children: [
      { index: true, element: <Home /> },
      { path: "today", element: <Today /> },
      { path: "my-day", element: <MyDay /> },
      { path: "week", element: <Week /> },
      { path: "month", element: <Month /> },
      { path: "patients", element: <Patients /> },
      { path: "patients/new", element: <NewPatient /> },
      { path: "patients/:patientId", element: <Patient /> },
      { path: "visits/:appointmentId", element: <Visit /> },
      { path: "billing", element: <Billing /> },
      { path: "revenue", element: <Revenue /> },
      { path: "admin/staff", element: <Staff /> },
      { path: "admin/cpt", element: <CptCodes /> },
      { path: "admin/hours", element: <WorkingHours /> },
      { path: "admin/audit", element: <Audit /> },
      { path: "patients/:patientId/access-log", element: <AccessLog /> },
      { path: "*", element: <Home /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}

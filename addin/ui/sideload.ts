// How to get the add-in into Excel, in Vietnamese then English: the pane's first screen (opened outside
// Excel) and `npm start` both say it from here. `{manifest}` is where the manifest file is.

export interface Steps {
  title: { vi: string; en: string };
  steps: { vi: string; en: string }[];
}

export const SIDELOAD: Steps = {
  title: { vi: "Thử add-in trên máy của bạn (sideload)", en: "Try the add-in on your computer (sideload)" },
  steps: [
    {
      vi: "Excel trên web: Trang đầu → Phần bổ trợ → Thêm phần bổ trợ → Tải lên phần bổ trợ của tôi → chọn tệp manifest ({manifest}).",
      en: "Excel on the web: Home → Add-ins → More Add-ins → Upload My Add-in → choose the manifest ({manifest}).",
    },
    {
      vi: "Excel trên Windows: đặt manifest vào một thư mục chia sẻ, thêm thư mục đó ở Tệp → Tùy chọn → Trung tâm Tin cậy → Danh mục Phần bổ trợ Tin cậy, mở lại Excel, rồi Chèn → Phần bổ trợ của tôi → Thư mục Chia sẻ.",
      en: "Excel on Windows: put the manifest in a shared folder listed under File → Options → Trust Center → Trusted Add-in Catalogs, restart Excel, then Insert → My Add-ins → Shared Folder.",
    },
    {
      vi: "Excel trên macOS: chép manifest vào ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ rồi mở lại Excel.",
      en: "Excel on macOS: copy the manifest to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ and restart Excel.",
    },
  ],
};

export const DEPLOY: Steps = {
  title: { vi: "Triển khai cho cả tổ chức", en: "Deploy to the whole organisation" },
  steps: [
    {
      vi: "Quản trị Microsoft 365: Trung tâm quản trị → Cài đặt → Ứng dụng tích hợp → Tải lên ứng dụng tùy chỉnh → chọn manifest; chọn người dùng hoặc nhóm được dùng.",
      en: "Microsoft 365 admin: admin center → Settings → Integrated apps → Upload custom apps → choose the manifest; pick the users or groups.",
    },
  ],
};

/** The steps as text lines, `{manifest}` filled in, for a terminal. */
export function stepLines(s: Steps, manifest: string): string[] {
  const fill = (t: string) => t.replaceAll("{manifest}", manifest);
  return [
    `${s.title.vi} / ${s.title.en}:`,
    ...s.steps.flatMap((step) => [`  • ${fill(step.vi)}`, `    ${fill(step.en)}`]),
  ];
}
